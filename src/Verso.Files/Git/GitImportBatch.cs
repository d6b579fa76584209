using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Git;

// The saves of an import, sent to the store a batch at a time: one transaction (one sync) per batch
// instead of one per version. Each batch is all or nothing; a failure stops the import as a single
// failed save did, and a re-run resumes after the last batch that went in.
internal sealed class GitImportBatch(VersioningService service, Action<GitImportStep, AppendResult> saved)
{
    // Large enough that the sync is a small part of a batch, small enough to keep one transaction short.
    private const int MostPerBatch = 2_000;

    private readonly List<(GitImportStep Step, BatchSave Save)> _pending = [];

    public async Task AddAsync(GitImportStep step, BatchSave save, CancellationToken cancellationToken)
    {
        _pending.Add((step, save));
        if (_pending.Count >= MostPerBatch)
        {
            await FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var results = await service.SaveBatchAsync([.. _pending.Select(p => p.Save)], cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < results.Count; i++)
        {
            saved(_pending[i].Step, results[i]);
        }

        _pending.Clear();
    }
}
