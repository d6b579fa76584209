using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Verso.Storage.Integrity;
using Verso.Model.Kinds;
using Verso.Versioning.Signatures;
using Verso.Storage;

namespace Verso.Server.Checkpoints;

/// <summary>
/// Writes one checkpoint into the checkpoint directory: the store is verified first (a checkpoint vouches only for an
/// intact history), then the checkpoint is signed and chained to the newest one already there, written under a dated
/// name, and <c>latest</c> replaced by it — each file whole or not at all (written aside, then renamed).
/// </summary>
public sealed partial class CheckpointWriter(IVersionStore store, KindRegistry kinds, IOptions<CheckpointScheduleOptions> options, TimeProvider time, ILogger<CheckpointWriter> logger)
{
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>The path of the newest checkpoint, or null when none has been written.</summary>
    public string? LatestPath
    {
        get
        {
            if (options.Value.Directory is not { } directory)
            {
                return null;
            }

            var name = options.Value.KeyPath is null ? CheckpointScheduleOptions.LatestText : CheckpointScheduleOptions.LatestSigned;
            var path = Path.Combine(directory, name);
            return File.Exists(path) ? path : null;
        }
    }

    /// <summary>Writes a checkpoint now; returns its path, or null when the store is damaged (logged, nothing written).</summary>
    public async Task<string?> WriteAsync(CancellationToken cancellationToken = default)
    {
        var directory = options.Value.Directory ?? throw new InvalidOperationException("no checkpoint directory is configured");
        await _one.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Directory.CreateDirectory(directory);
            var now = time.GetUtcNow();
            var report = await IntegrityVerifier.VerifyAsync(store, new IntegrityOptions { Kinds = kinds, CheckpointAt = now }, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (report.Checkpoint is not { } checkpoint)
            {
                LogDamaged(logger, report.Problems.Length + report.StorageProblems.Length);
                return null;
            }

            var stamp = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            if (options.Value.KeyPath is not { } keyPath)
            {
                return await PublishAsync(directory, $"checkpoint-{stamp}.txt", CheckpointScheduleOptions.LatestText, checkpoint.ToText(), cancellationToken).ConfigureAwait(false);
            }

            using var key = SigningKey.FromPem(await File.ReadAllTextAsync(keyPath, cancellationToken).ConfigureAwait(false));
            var storeId = await StoreIdentity.GetOrCreateAsync(store, time, cancellationToken).ConfigureAwait(false);
            var latest = Path.Combine(directory, CheckpointScheduleOptions.LatestSigned);
            var previous = File.Exists(latest)
                ? SignedCheckpoint.Open(DsseEnvelope.Parse(await File.ReadAllTextAsync(latest, cancellationToken).ConfigureAwait(false)), key.PublicKey)
                : null;
            var envelope = SignedCheckpoint.Sign(checkpoint, storeId, previous, key);
            var path = await PublishAsync(directory, $"checkpoint-{stamp}.dsse.json", CheckpointScheduleOptions.LatestSigned, envelope.ToJson(), cancellationToken).ConfigureAwait(false);
            LogWritten(logger, path, checkpoint.Entities.Length);
            return path;
        }
        finally
        {
            _one.Release();
        }
    }

    private static async Task<string> PublishAsync(string directory, string name, string latestName, string text, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, name);
        await WriteWholeAsync(path, text, cancellationToken).ConfigureAwait(false);
        await WriteWholeAsync(Path.Combine(directory, latestName), text, cancellationToken).ConfigureAwait(false);
        return path;
    }

    private static async Task WriteWholeAsync(string path, string text, CancellationToken cancellationToken)
    {
        var aside = path + ".partial";
        await File.WriteAllTextAsync(aside, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        File.Move(aside, path, overwrite: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "checkpoint of {Entities} entities written to {Path}")]
    private static partial void LogWritten(ILogger logger, string path, int entities);

    [LoggerMessage(Level = LogLevel.Error, Message = "no checkpoint written: the store is damaged ({Problems} problem(s)); run 'verso verify'")]
    private static partial void LogDamaged(ILogger logger, int problems);
}
