using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Git;

// The saves of an import, sent to the store a batch at a time: one transaction (one sync) per batch
// instead of one per version. Each batch is all or nothing. One batch is saved on another thread while the
// caller parses the next (the store's delta, compression and writes on one core, canonicalizing on the other);
// the next is sent only once the one before is in, so batches land in order, and a failed batch stops the
// import before anything after it is sent: the store is as the last whole batch left it, and a re-run resumes there.
internal sealed class GitImportBatch(VersioningService service, Action<EntityKey, bool, AppendResult> saved, int mostPerBatch = GitImportBatch.DefaultMostPerBatch)
{
    /// <summary>Large enough that the sync is a small part of a batch, small enough that the last batch (saved alone) is short.</summary>
    public const int DefaultMostPerBatch = 2_000;

    // With one batch saving and the next filling, two batches of documents are in memory: large files send sooner.
    private const long MostBytesPerBatch = 64L * 1024 * 1024;

    // The step's key and whether it deletes, not the step: its file's bytes need not outlive their parse.
    private List<(EntityKey Key, bool Deleted, BatchSave Save)> _pending = [];
    private long _pendingBytes;
    private (List<(EntityKey Key, bool Deleted, BatchSave Save)> Batch, Task<IReadOnlyList<AppendResult>> Results)? _saving;

    public async Task AddAsync(GitImportStep step, BatchSave save)
    {
        _pending.Add((step.Key, step.Deleted, save));
        _pendingBytes += save.Content.Length;
        if (_pending.Count >= mostPerBatch || _pendingBytes >= MostBytesPerBatch)
        {
            await SendAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Saves everything added and waits until it is in.</summary>
    public async Task FlushAsync()
    {
        await SendAsync().ConfigureAwait(false);
        await WaitAsync().ConfigureAwait(false);
    }

    /// <summary>Waits for the batch being saved, if any, and counts it; throws its failure.</summary>
    public async Task WaitAsync()
    {
        if (_saving is not { } saving)
        {
            return;
        }

        _saving = null;
        var results = await saving.Results.ConfigureAwait(false);
        for (var i = 0; i < results.Count; i++)
        {
            saved(saving.Batch[i].Key, saving.Batch[i].Deleted, results[i]);
        }
    }

    private async Task SendAsync()
    {
        await WaitAsync().ConfigureAwait(false);
        if (_pending.Count == 0)
        {
            return;
        }

        var batch = _pending;
        _pending = [];
        _pendingBytes = 0;
        // Not cancelled once sent: a batch is one short transaction, and one cut off while a later one goes in
        // would leave a gap a re-run cannot see. Run on the pool, because the store's work before its first
        // wait (deltas, compression) is CPU the caller's thread should not carry.
        _saving = (batch, Task.Run(() => service.SaveBatchAsync([.. batch.Select(p => p.Save)], CancellationToken.None)));
    }
}
