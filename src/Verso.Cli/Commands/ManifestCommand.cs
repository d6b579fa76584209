using System.CommandLine;
using Verso.Cli.Infrastructure;
using Verso.Server.Wire;
using Verso.Storage.History;
using Verso.Naming;

namespace Verso.Cli.Commands;

/// <summary><c>verso manifest [--at TIME] [--include-internal]</c>: every entity's version in force, and one root hash naming them all.</summary>
internal static class ManifestCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var at = new Option<string?>("--at") { Description = "the moment (ISO 8601 UTC); the heads when left out", HelpName = "TIME" };
        var includeInternal = InternalRecordsOption.Create();
        var command = new Command("manifest", "list every entity's version in force, with one root hash over them all") { at, includeInternal };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            DateTimeOffset? moment = null;
            if (context.ParseResult.GetValue(at) is { } text)
            {
                moment = Timestamp.TryParseUtc(text, out var parsed)
                    ? parsed
                    : throw new UsageException($"--at '{text}' is not ISO 8601 UTC, e.g. 2026-11-01T12:00:00Z");
            }

            var manifest = await ManifestBuilder.BuildAsync(context.Store, moment, context.ParseResult.GetValue(includeInternal), cancellationToken);
            if (context.Json)
            {
                JsonOutput.Write(console, WireStore.Manifest(manifest));
            }
            else
            {
                foreach (var entry in manifest.Entries)
                {
                    console.Out.WriteLine(entry.ToString());
                }

                console.Out.WriteLine($"root {manifest.Root}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
