using System.CommandLine;
using System.Text;
using Verso.Cli.Infrastructure;
using Verso.Integrity;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso checkpoint [--out FILE]</c>: verifies the store and writes what its history is now (each
/// entity's chain head, each tag's and removal's digest, a root over all), for keeping outside the store;
/// <c>verso verify --since FILE</c> later proves the history still extends it.
/// </summary>
internal static class CheckpointCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var output = new Option<string?>("--out", "-o") { Description = "write the checkpoint to FILE instead of standard output", HelpName = "FILE" };
        var command = new Command("checkpoint", "verify the store, then print a checkpoint of its history to keep outside it (see verify --since)") { output };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var report = await VerifyCommand.RunAsync(context, new IntegrityOptions { Kinds = service.Kinds, CheckpointAt = TimeProvider.System.GetUtcNow() }, cancellationToken);
            if (report.Checkpoint is not { } checkpoint)
            {
                throw new IntegrityFailureException($"the store is damaged ({report.Problems.Length + report.StorageProblems.Length} problem(s)); run 'verso verify' — a checkpoint vouches only for an intact history");
            }

            var text = checkpoint.ToText();
            if (context.ParseResult.GetValue(output) is { } path)
            {
                await File.WriteAllTextAsync(console.ResolvePath(path), text, new UTF8Encoding(false), cancellationToken);
            }
            else if (!context.Json)
            {
                await console.Out.WriteAsync(text);
            }

            if (context.Json)
            {
                JsonOutput.Write(console, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("root", checkpoint.Root.ToString());
                    writer.WriteNumber("entities", checkpoint.Entities.Length);
                    writer.WriteNumber("tags", checkpoint.Tags.Length);
                    writer.WriteString("checkpoint", text);
                    writer.WriteEndObject();
                });
            }
            else if (context.ParseResult.GetValue(output) is { } written)
            {
                console.Out.WriteLine($"checkpoint of {checkpoint.Entities.Length} entities written to {written} (root {checkpoint.Root})");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
