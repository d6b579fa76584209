using Verso.Storage;
using Verso.Storage.Relational.Reading;

namespace Verso.Sqlite;

// The write path. An append whose content the head already has is answered from a read (WAL readers
// never wait for the writer); anything else goes through the group commit, which re-checks it under
// the write lock, so the answer is the same as if every append had taken the lock.
public sealed partial class SqliteVersionStore
{
    private static readonly string UnchangedHead = SnapshotRows.SelectHeadWithHash(SqliteDialect.Instance);

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
        command.CommandText = UnchangedHead;
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
