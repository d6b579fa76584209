using Verso.Storage.Relational.Hashes;
using Npgsql;
using Verso.Storage;
using Verso.Storage.Relational.Reading;
using Verso.Storage.Relational.Writing;

namespace Verso.Postgres;

// The write path (AppendPath): under read committed an unchanged save never waits for a writer's row lock;
// anything else goes through the group commit under the locks.
public sealed partial class PostgresVersionStore
{
    private static readonly string UnchangedHead = SnapshotRows.SelectHeadWithHash(PostgresDialect.Instance);

    /// <inheritdoc />
    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default) =>
        AppendPath.AppendAsync(request, () => TryUnchangedAsync(request, cancellationToken), requests => CommitAsync(requests, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken = default) =>
        AppendPath.AppendBatchAsync(requests, batch => CommitAsync(batch, cancellationToken));

    private async Task<IReadOnlyList<AppendResult>> CommitAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        try
        {
            return await _groupCommit.AppendAsync(requests, cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw _connections.Unavailable(exception);
        }
    }

    // The head as one read sees it: when it already holds the content (and is the expected version),
    // that is the answer an append under the locks would give at that moment. The content is the
    // caller's own bytes, equal to the head's by hash, so the head's blob is not read.
    private Task<AppendResult?> TryUnchangedAsync(AppendRequest request, CancellationToken cancellationToken) =>
        _connections.RunAsync(
            async connection =>
            {
                await using var command = Command(
                    connection,
                    UnchangedHead,
                    request.Key.Kind,
                    request.Key.Id,
                    HashColumns.Bytes(request.Content.Hash));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var head = PostgresDialect.Instance.ReadSnapshot(reader, request.Content.Utf8);
                // A removed head, or a head other than the expected one, takes the locked path and its answer.
                return head.HasContent && (request.ExpectedVersion ?? head.Version) == head.Version
                    ? new AppendResult(AppendOutcome.Unchanged, head)
                    : null;
            },
            cancellationToken);
}
