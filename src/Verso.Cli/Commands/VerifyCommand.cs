using System.CommandLine;
using Spectre.Console;
using Verso.Cli.Infrastructure;
using Verso.Json;
using Verso.Integrity;

namespace Verso.Cli.Commands;

/// <summary><c>verso verify</c>: re-checks every content hash, chain link and head; exit 1 when anything is broken.</summary>
internal static class VerifyCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var command = new Command("verify", "re-check every stored version: content hashes, chain links, gapless numbers, heads and pins");
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var service = context.CreateService();
            var store = service.Store;
            var statistics = await store.GetStatisticsAsync(cancellationToken);
            IntegrityReport report;
            if (console.IsTerminal && !context.Json)
            {
                report = await console.Ansi.Progress().StartAsync(async progress =>
                {
                    var task = progress.AddTask("verifying versions", maxValue: Math.Max(1, statistics.Versions));
                    return await IntegrityVerifier.VerifyAsync(store, service.Kinds, new Progress<long>(done => task.Value = done), cancellationToken);
                });
            }
            else
            {
                report = await IntegrityVerifier.VerifyAsync(store, service.Kinds, cancellationToken: cancellationToken);
            }

            if (context.Json)
            {
                JsonOutput.Write(console, writer => IntegrityJson.Write(writer, report));
            }
            else
            {
                foreach (var problem in report.Problems)
                {
                    console.Out.WriteLine($"broken {problem}");
                }

                console.Out.WriteLine(report.IsIntact
                    ? $"intact: {report.Versions} versions of {report.Entities} entities verified"
                    : $"{report.Problems.Length} broken version(s) among {report.Versions} versions of {report.Entities} entities");
            }

            if (!report.IsIntact && !context.Json)
            {
                console.Error.WriteLine($"verso: the store is damaged: {report.Problems.Length} broken version(s)");
            }

            return report.IsIntact ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
