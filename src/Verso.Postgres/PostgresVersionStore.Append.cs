using Verso.Storage.Relational.Hashes;
using Npgsql;
using Verso.Errors;
using Verso.Naming;
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
            return await Writes.WriteAsync(() => AppendAgainOnDeadlockAsync(requests, cancellationToken)).ConfigureAwait(false);
        }
        catch (VersoException exception)
            when (requests.Count == 1 && exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, TableName: "versions" })
        {
            // Another writer took the version number this append read as free: only a writer that ignores the
            // head's row lock can (an older tool, a hand-written INSERT). To the caller it is a moved head.
            var request = requests[0];
            var actual = await HighestVersionAsync(request.Key).ConfigureAwait(false);
            throw new VersionConflictException(request.Key.Kind, request.Key.Id, request.ExpectedVersion ?? actual - 1, actual);
        }
    }

    // A deadlock or serialization failure aborted the transaction that held these appends before it committed (the
    // server reports it for a statement, or refuses the COMMIT itself: either way nothing of it stands), so running them
    // again cannot write anything twice. Heads are locked as appends come, in no store-wide order, so two transactions
    // (two processes' groups) that lock the same heads in opposite orders deadlock; PostgreSQL aborts one, and it goes
    // again here, behind the other. Bounded, so a pathological livelock still answers (Busy, as before).
    private async Task<IReadOnlyList<AppendResult>> AppendAgainOnDeadlockAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        const int MostAttempts = 16;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await _groupCommit.AppendAsync(requests, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception)
                when (exception.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
                      && attempt < MostAttempts && !cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    // The highest version number taken, whether or not the head row moved to it.
    private Task<int> HighestVersionAsync(EntityKey key) =>
        _connections.RunAsync(
            async connection =>
            {
                await using var command = Command(
                    connection,
                    "SELECT coalesce(max(v.version), 0) FROM verso.versions v JOIN verso.entities e ON e.entity_pk = v.entity_pk WHERE e.kind = $1 AND e.id = $2;",
                    key.Kind,
                    key.Id);
                return (int)(await command.ExecuteScalarAsync(CancellationToken.None).ConfigureAwait(false))!;
            },
            CancellationToken.None);

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
