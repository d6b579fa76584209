using System.CommandLine;
using System.Text;
using Verso.Cli.Infrastructure;
using Verso.Storage.Integrity;
using Verso.Versioning.Signatures;

namespace Verso.Cli.Commands;

/// <summary>
/// <c>verso checkpoint [--out FILE]</c>: verifies the store and writes what its history is now (each
/// entity's chain head, each tag's and removal's digest, a root over all), for keeping outside the store;
/// <c>verso verify --since FILE</c> later proves the history still extends it. With <c>--sign KEY</c> the checkpoint is
/// a DSSE envelope over an in-toto statement, chained to <c>--previous FILE</c> when given, that tools other than Verso
/// can verify.
/// </summary>
internal static class CheckpointCommand
{
    public static Command Create(GlobalOptions globals, CliConsole console)
    {
        var output = new Option<string?>("--out", "-o") { Description = "write the checkpoint to FILE instead of standard output", HelpName = "FILE" };
        var sign = new Option<string?>("--sign") { Description = "sign it with this private key (PEM PKCS#8, from 'verso key new'): a DSSE envelope", HelpName = "KEY" };
        var previous = new Option<string?>("--previous")
        {
            Description = "the last signed checkpoint of this store: the new one names its digest, so checkpoints chain (needs --sign)",
            HelpName = "FILE",
        };
        var command = new Command("checkpoint", "verify the store, then print a checkpoint of its history to keep outside it (see verify --since)") { output, sign, previous };
        CommandAction.Set(command, globals, console, async (context, cancellationToken) =>
        {
            var parse = context.ParseResult;
            if (parse.GetValue(previous) is not null && parse.GetValue(sign) is null)
            {
                throw new UsageException("--previous chains signed checkpoints: give --sign KEY too");
            }

            using var signer = parse.GetValue(sign) is { } keyPath ? await KeyFiles.ReadPrivateAsync(context, keyPath, cancellationToken) : null;
            var service = context.CreateService();
            var report = await VerifyCommand.RunAsync(context, new IntegrityOptions { Kinds = service.Kinds, CheckpointAt = TimeProvider.System.GetUtcNow() }, cancellationToken);
            if (report.Checkpoint is not { } checkpoint)
            {
                throw new IntegrityFailureException($"the store is damaged ({report.Problems.Length + report.StorageProblems.Length} problem(s)); run 'verso verify' — a checkpoint vouches only for an intact history");
            }

            if (signer is not null)
            {
                var storeId = await StoreIdentity.GetOrCreateAsync(context.Store, cancellationToken: cancellationToken);
                SignedCheckpoint? last = null;
                if (parse.GetValue(previous) is { } previousPath)
                {
                    last = SignedCheckpoint.Open(await KeyFiles.ReadEnvelopeAsync(context, previousPath, cancellationToken), signer.PublicKey);
                    if (last.StoreId != storeId)
                    {
                        throw new InvalidSignatureException($"{previousPath} is a checkpoint of store {last.StoreId}, not of this one ({storeId})");
                    }
                }

                var envelope = SignedCheckpoint.Sign(checkpoint, storeId, last, signer);
                await SignedOutput.WriteAsync(context, envelope, parse.GetValue(output), $"checkpoint of {checkpoint.Entities.Length} entities (root {checkpoint.Root})", cancellationToken);
                return ExitCodes.Ok;
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
