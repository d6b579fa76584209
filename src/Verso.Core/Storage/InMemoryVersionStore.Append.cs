using Verso.Errors;
using Verso.Model.Snapshots;

namespace Verso.Storage;

// Appends under the gate. A batch records how to undo each step, so a request that fails part-way
// leaves the store exactly as it was; feeds hear of versions only once the whole batch stands.
public sealed partial class InMemoryVersionStore
{
    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(AppendMany([request], cancellationToken)[0]);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return Task.FromResult(AppendMany(requests, cancellationToken));
    }

    private IReadOnlyList<AppendResult> AppendMany(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var results = new List<AppendResult>(requests.Count);
        var undo = new Stack<Action>();
        lock (_gate)
        {
            try
            {
                foreach (var request in requests)
                {
                    ArgumentNullException.ThrowIfNull(request);
                    results.Add(AppendLocked(request, undo));
                }
            }
            catch
            {
                while (undo.TryPop(out var step))
                {
                    step();
                }

                throw;
            }

            foreach (var created in results.Where(r => r.Outcome == AppendOutcome.Created))
            {
                var head = created.Head;
                _changes.Add(new ChangeEntry(_changes.Count + 1, head.Ref, head.Hash, head.SavedBy, head.SavedAt, head.Operation));
                foreach (var feed in _feeds)
                {
                    feed.Publish(new VersionEvent(created.Head.Ref, created.Head.Hash));
                }
            }
        }

        return results;
    }

    private AppendResult AppendLocked(AppendRequest request, Stack<Action> undo)
    {
        var history = _versions.TryGetValue(request.Key, out var existing) ? existing : null;
        var head = history?[^1];
        var headVersion = head?.Version ?? 0;
        if (request.ExpectedVersion is { } expected && expected != headVersion)
        {
            throw new VersionConflictException(request.Key.Kind, request.Key.Id, expected, headVersion);
        }

        if (head is not null && !request.Force && head.Hash == request.Content.Hash)
        {
            return new AppendResult(AppendOutcome.Unchanged, head);
        }

        CheckReferences(request);

        // Content-addressed: versions that share bytes share one blob.
        if (!_blobs.TryGetValue(request.Content.Hash, out var blob))
        {
            blob = request.Content.Utf8.ToArray();
            _blobs[request.Content.Hash] = blob;
            undo.Push(() => _blobs.Remove(request.Content.Hash));
        }

        var snapshot = new Snapshot(
            request.Key,
            headVersion + 1,
            request.Content.Hash,
            blob,
            request.SavedBy,
            request.SavedAt,
            request.Message,
            request.Operation,
            request.SchemaVersion) { RevertOf = request.RevertOf, Source = request.Source };
        snapshot = snapshot with { ChainHash = Integrity.ChainHash.Compute(head?.ChainHash, snapshot) };
        if (history is null)
        {
            _versions[request.Key] = [snapshot];
            undo.Push(() => _versions.Remove(request.Key));
        }
        else
        {
            history.Add(snapshot);
            undo.Push(() => history.RemoveAt(history.Count - 1));
        }

        foreach (var reference in request.References)
        {
            var target = (reference.Key, reference.Version);
            if (!_referrers.TryGetValue(target, out var referrers))
            {
                _referrers[target] = referrers = new SortedSet<(string, string, int)>();
                undo.Push(() => _referrers.Remove(target));
            }

            var referrer = (request.Key.Kind, request.Key.Id, snapshot.Version);
            if (referrers.Add(referrer))
            {
                undo.Push(() => referrers.Remove(referrer));
            }
        }

        return new AppendResult(AppendOutcome.Created, snapshot);
    }

    // Called under the gate, so the versions checked cannot change before the append completes.
    private void CheckReferences(AppendRequest request)
    {
        foreach (var reference in request.References)
        {
            var target = _versions.TryGetValue(reference.Key, out var history) && reference.Version >= 1 && reference.Version <= history.Count
                ? history[reference.Version - 1]
                : null;
            if (target is null)
            {
                throw new InvalidReferenceException(reference, "no such version");
            }

            if (target.Hash != reference.Hash)
            {
                throw new InvalidReferenceException(reference, $"that version's hash is {target.Hash}");
            }
        }
    }
}
