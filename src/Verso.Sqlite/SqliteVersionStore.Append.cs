using Verso.Storage;
using Verso.Storage.Relational.Reading;
using Verso.Storage.Relational.Hashes;
using Verso.Storage.Relational.Writing;

namespace Verso.Sqlite;

// The write path (AppendPath): WAL readers never wait for the writer, so an unchanged save is answered
// at once; anything else goes through the group commit under the write lock.
public sealed partial class SqliteVersionStore
{
    private static readonly string UnchangedHead = SnapshotRows.SelectHeadWithHash(SqliteDialect.Instance);

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default) => AppendPath.AppendAsync(
        request,
        () => _faults.ReadAsync(() => TryUnchangedAsync(request, cancellationToken)),
        requests => _faults.WriteAsync(() => _groupCommit.AppendAsync(requests, cancellationToken)));

    /// <inheritdoc />
    public Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken = default) =>
        AppendPath.AppendBatchAsync(requests, batch => _faults.WriteAsync(() => _groupCommit.AppendAsync(batch, cancellationToken)));

    // The head as one read sees it: when it already holds the content (and is the expected version),
    // that is the answer an append under the lock would give at that moment. The content is the
    // caller's own bytes, equal to the head's by hash, so the head's blob is not read.
    private async Task<AppendResult?> TryUnchangedAsync(AppendRequest request, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = UnchangedHead;
        AddKey(command, request.Key);
        command.Parameters.AddWithValue("$hash", HashColumns.Bytes(request.Content.Hash));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var head = SqliteDialect.Instance.ReadSnapshot(reader, request.Content.Utf8);
        // A removed head, or a head other than the expected one, takes the locked path and its answer.
        return head.HasContent && (request.ExpectedVersion ?? head.Version) == head.Version
            ? new AppendResult(AppendOutcome.Unchanged, head)
            : null;
    }
}
