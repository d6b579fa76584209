using System.CommandLine;
using Spectre.Console;
using Verso.Cli.Infrastructure;
using Verso.Json;
using Verso.Integrity;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso verify [--quick] [--since FILE]</c>: the database's own check, then every content hash, chain
/// link, head, tag and pin, all from one snapshot of the store; with a checkpoint, also that the history
/// still extends it. Exit 1 when anything is broken.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var quick = new Option<bool>("--quick") { Description = "ask SQLite for its quick_check instead of the full integrity_check" };
        var since = new Option<string?>("--since")
        {
            Description = "a checkpoint written by 'verso checkpoint': the history must still extend it (no version cut, rewritten or removed)",
            HelpName = "FILE",
        };
        var command = new Command("verify", "re-check the store: its pages, content hashes, chain links, gapless numbers, heads, tags and pins") { quick, since };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            Checkpoint? checkpoint = null;
            if (parse.GetValue(since) is { } path)
            {
                var text = System.Text.Encoding.UTF8.GetString(await context.ReadInputAsync(path, cancellationToken));
                checkpoint = Checkpoint.Parse(text);
            }

            var service = context.CreateService();
            var options = new IntegrityOptions { Kinds = service.Kinds, Quick = parse.GetValue(quick), Since = checkpoint };
            var report = await RunAsync(context, options, cancellationToken);
            Print(context, report);
            if (!report.IsIntact && !context.Json)
            {
                console.Error.WriteLine($"verso: the store is damaged: {Count(report)}");
            }

            return report.IsIntact ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    /// <summary>Runs the verifier, with a progress bar on a terminal.</summary>
    public static async Task<IntegrityReport> RunAsync(CommandContext context, IntegrityOptions options, CancellationToken cancellationToken)
    {
        var store = context.Store;
        if (!context.Console.IsTerminal || context.Json)
        {
            return await IntegrityVerifier.VerifyAsync(store, options, cancellationToken: cancellationToken);
        }

        var statistics = await store.GetStatisticsAsync(cancellationToken);
        return await context.Console.Ansi.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("verifying versions", maxValue: Math.Max(1, statistics.Versions));
            return await IntegrityVerifier.VerifyAsync(store, options, new Progress<long>(done => task.Value = done), cancellationToken);
        });
    }

    private static void Print(CommandContext context, IntegrityReport report)
    {
        var console = context.Console;
        if (context.Json)
        {
            JsonOutput.Write(console, writer => IntegrityJson.Write(writer, report));
            return;
        }

        foreach (var problem in report.StorageProblems)
        {
            console.Out.WriteLine($"broken store: {TerminalText.Escape(problem)}");
        }

        foreach (var problem in report.Problems)
        {
            console.Out.WriteLine($"broken {TerminalText.Escape(problem.ToString())}");
        }

        console.Out.WriteLine(report.IsIntact
            ? $"intact: {report.Versions} versions of {report.Entities} entities verified"
            : $"{Count(report)} among {report.Versions} versions of {report.Entities} entities");
    }

    private static string Count(IntegrityReport report) =>
        report.StorageProblems.IsEmpty
            ? $"{report.Problems.Length} broken version(s)"
            : $"{report.StorageProblems.Length} storage problem(s) and {report.Problems.Length} broken version(s)";
}
