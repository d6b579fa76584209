using Verso.Storage;

namespace Verso.Sqlite;

// The write path. An append whose content the head already has is answered from a read (WAL readers
// never wait for the writer); anything else goes through the group commit, which re-checks it under
// the write lock, so the answer is the same as if every append had taken the lock.
public sealed partial class SqliteVersionStore
{
    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Force && await _faults.ReadAsync(() => TryUnchangedAsync(request, cancellationToken)).ConfigureAwait(false) is { } unchanged)
        {
            return unchanged;
        }

        return (await _faults.WriteAsync(() => _groupCommit.AppendAsync([request], cancellationToken)).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken = default) => _faults.WriteAsync<IReadOnlyList<AppendResult>>(async () =>
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request);
        }

        return requests.Count == 0 ? [] : await _groupCommit.AppendAsync(requests, cancellationToken).ConfigureAwait(false);
    });

    // The head as one read sees it: when it already holds the content (and is the expected version),
    // that is the answer an append under the lock would give at that moment. The content is the
    // caller's own bytes, equal to the head's by hash, so the head's blob is not read.
    private async Task<AppendResult?> TryUnchangedAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.kind, e.id, v.version, v.hash, NULL, v.saved_by, v.saved_at, v.message, v.operation, v.schema_version, v.revert_of, v.chain_hash,
                   v.source, r.kind, r.removed_by, r.removed_at, r.reason
            FROM entities e
            JOIN versions v ON v.entity_pk = e.entity_pk AND v.version = e.head
            LEFT JOIN content_removals r ON r.entity_pk = v.entity_pk AND r.version = v.version
            WHERE e.kind = $kind AND e.id = $id AND e.head_hash = $hash;
            """;
        AddKey(command, request.Key);
        command.Parameters.AddWithValue("$hash", request.Content.Hash.Hex);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var head = SqliteSnapshotReader.Read(reader, request.Content.Utf8);
        // A removed head, or a head other than the expected one, takes the locked path and its answer.
        return head.HasContent && (request.ExpectedVersion ?? head.Version) == head.Version
            ? new AppendResult(AppendOutcome.Unchanged, head)
            : null;
    }
}
