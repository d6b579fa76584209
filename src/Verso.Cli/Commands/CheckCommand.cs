using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary><c>verso check REF --name N --result pass|fail --by WHO [--url URL] [-m TEXT]</c>: records a check result on a version.</summary>
internal static class CheckCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Argument<string>("REF") { Description = "the version checked, e.g. agent/alice@3" };
        var name = new Option<string>("--name") { Description = "the check, e.g. evals", Required = true, HelpName = "N" };
        var result = new Option<string>("--result") { Description = "pass or fail", Required = true, HelpName = "pass|fail" };
        var by = new Option<string>("--by") { Description = "who or what ran it, e.g. ci", Required = true, HelpName = "WHO" };
        var url = new Option<string?>("--url") { Description = "where the run can be read", HelpName = "URL" };
        var message = new Option<string?>("--message", "-m") { Description = "what the run said", HelpName = "TEXT" };
        var command = new Command("check", "record a check result on a version (append-only)") { reference, name, result, by, url, message };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            var checker = parse.GetRequiredValue(by);
            if (string.IsNullOrWhiteSpace(checker))
            {
                throw new UsageException("--by must name who ran the check");
            }

            var outcome = parse.GetRequiredValue(result);
            if (outcome is not ("pass" or "fail"))
            {
                throw new UsageException($"--result takes pass or fail, not '{outcome}'");
            }

            var recorded = await context.CreateChecks().RecordAsync(
                VersionRef.Parse(parse.GetRequiredValue(reference)), parse.GetRequiredValue(name), outcome == "pass",
                checker, parse.GetValue(url), parse.GetValue(message), cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WritePropertyName("check");
                    CheckOutput.Write(writer, recorded.Result);
                    writer.WriteStartArray("tag_rollbacks");
                    foreach (var move in recorded.TagRollbacks)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("tag", move.Name);
                        writer.WriteNumber("from_version", move.FromVersion ?? 0);
                        writer.WriteNumber("to_version", move.ToVersion);
                        writer.WriteString("reason", move.Reason);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
            }
            else
            {
                console.Out.WriteLine($"recorded {recorded.Result} on {recorded.Result.Target.Ref}");
                foreach (var move in recorded.TagRollbacks)
                {
                    console.Out.WriteLine($"moved {move.Name} back to {move.Key}@{move.ToVersion} (was @{move.FromVersion}): {move.Reason}");
                }

                foreach (var tag in recorded.TagsLeft)
                {
                    console.Error.WriteLine($"verso: {tag} stays on {recorded.Result.Target.Ref}: no earlier version passes its required checks");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
