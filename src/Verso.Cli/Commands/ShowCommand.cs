using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Json;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary><c>verso show REF [--canonical]</c>: one version's content.</summary>
internal static class ShowCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var reference = new Argument<string>("REF") { Description = "kind/id, kind/id@N or kind/id@sha256:HEX (at least 8 hex digits)" };
        var canonical = new Option<bool>("--canonical") { Description = "print exactly the canonical bytes the hash is over" };
        var command = new Command("show", "print one version's content") { reference, canonical };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parsed = VersionRef.Parse(context.ParseResult.GetRequiredValue(reference));
            var snapshot = await context.CreateService().GetAsync(parsed, cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, writer => SnapshotJson.WriteWithContent(writer, snapshot));
            }
            else if (context.ParseResult.GetValue(canonical))
            {
                await console.OutputStream.WriteAsync(snapshot.Content, cancellationToken);
                await console.OutputStream.FlushAsync(cancellationToken);
            }
            else
            {
                console.Out.WriteLine(JsonOutput.Indent(snapshot.Content));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
