using System.CommandLine;
using Spectre.Console;
using Verso.Cli.Infrastructure;
using Verso.Storage.Integrity;
using Verso.Versioning.Signatures;

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
        var key = new Option<string?>("--key") { Description = "the public key (PEM SPKI) a signed --since checkpoint must be signed by; checked before the history", HelpName = "PUB" };
        var previous = new Option<string?>("--previous")
        {
            Description = "an earlier signed checkpoint: the --since one must follow it (same store, newer, chained), so an older one cannot be replayed",
            HelpName = "FILE",
        };
        var command = new Command("verify", "re-check the store: its pages, content hashes, chain links, gapless numbers, heads, tags and pins") { quick, since, key, previous };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            Checkpoint? checkpoint = null;
            if (parse.GetValue(since) is { } path)
            {
                var text = System.Text.Encoding.UTF8.GetString(await context.ReadInputAsync(path, cancellationToken));
                checkpoint = KeyFiles.IsEnvelope(text)
                    ? await OpenSignedAsync(context, text, parse.GetValue(key), parse.GetValue(previous), cancellationToken)
                    : parse.GetValue(key) is null ? Checkpoint.Parse(text) : throw new UsageException($"{path} is not signed, but --key asks for a signature");
            }
            else if (parse.GetValue(key) is not null || parse.GetValue(previous) is not null)
            {
                throw new UsageException("--key and --previous check a signed checkpoint: give it with --since FILE");
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

    // The signature first, then the chain of checkpoints, then that the checkpoint is of this store: only then is its
    // content trusted as the history to extend.
    private static async Task<Checkpoint> OpenSignedAsync(CommandContext context, string text, string? keyPath, string? previousPath, CancellationToken cancellationToken)
    {
        if (keyPath is null)
        {
            throw new UsageException("the checkpoint is signed: give --key PUB (the signer's public key) to check it");
        }

        var publicKey = await KeyFiles.ReadPublicAsync(context, keyPath, cancellationToken);
        var signed = SignedCheckpoint.Open(DsseEnvelope.Parse(text), publicKey);
        if (previousPath is not null)
        {
            signed.EnsureFollows(SignedCheckpoint.Open(await KeyFiles.ReadEnvelopeAsync(context, previousPath, cancellationToken), publicKey));
        }

        var storeId = await StoreIdentity.TryGetAsync(context.Store, cancellationToken);
        return signed.StoreId == storeId
            ? signed.Checkpoint
            : throw new InvalidSignatureException($"the checkpoint is of store {signed.StoreId}, not of this one ({storeId ?? "which has never been checkpointed with a signature"})");
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
            JsonOutput.Write(console, Server.Wire.WireAdmin.Of(report));
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
