using System.CommandLine;
using Verso.Governance.Checks;
using Verso.Cli.Infrastructure;
using Verso.Files;
using Verso.Server.Wire;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso show REF [--canonical] [--format json|yaml|md]</c>: one version's content, checked against its
/// hash first (exit 1 naming the version when it does not match).
/// </summary>
internal static class ShowCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Argument<string>("REF")
        {
            Description = "kind/id, kind/id@N, kind/id@TAG, kind/id@sha256:HEX or kind/id@HEX (at least 8 hex digits), kind/id@{TIME}",
        };
        var canonical = new Option<bool>("--canonical") { Description = "print exactly the canonical bytes the hash is over" };
        var format = new Option<string?>("--format")
        {
            Description = "json, yaml, or md (agents: YAML front matter and the charter); default md for an agent on a terminal, else json",
            HelpName = "FORMAT",
        };
        format.AcceptOnlyFromAmong("json", "yaml", "md");
        var command = new Command("show", "print one version's content") { reference, canonical, format };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var snapshot = await Refs.GetAsync(service, context.ParseResult.GetRequiredValue(reference), cancellationToken);
            var chosen = context.ParseResult.GetValue(format)
                ?? (console.IsTerminal && RecordFormat.HasMarkdownBody(snapshot.Key.Kind) ? "md" : "json");
            var checks = await CheckLedger.ReadAsync(context.Store, snapshot.Key, snapshot.Version, cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, WireVersions.Shown(snapshot, checks));
            }
            else if (context.ParseResult.GetValue(canonical))
            {
                await console.OutputStream.WriteAsync(snapshot.Content, cancellationToken);
                await console.OutputStream.FlushAsync(cancellationToken);
            }
            else if (chosen == "json")
            {
                console.Out.WriteLine(JsonOutput.Indent(snapshot.Content));
            }
            else
            {
                if (chosen == "md" && !RecordFormat.HasMarkdownBody(snapshot.Key.Kind))
                {
                    throw new UsageException($"{snapshot.Key.Kind} records have no Markdown form: use --format yaml or json");
                }

                var file = RecordFormat.Write(service.Kinds.Resolve(snapshot.Key.Kind), chosen == "md" ? RecordFileFormat.Markdown : RecordFileFormat.Yaml, snapshot.Content);
                await console.OutputStream.WriteAsync(file, cancellationToken);
                await console.OutputStream.FlushAsync(cancellationToken);
            }

            // On standard error, so the content on standard output stays exactly the record.
            foreach (var check in checks)
            {
                console.Error.WriteLine($"check {check.Name}: {check.Result} by {check.By} at {Timestamps.ForJson(check.At)}{(check.Message is null ? "" : ": " + check.Message)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
