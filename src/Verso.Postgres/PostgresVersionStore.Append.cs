using Npgsql;
using Verso.Storage;
using Verso.Storage.Relational.Reading;

namespace Verso.Postgres;

// The write path. An append whose content the head already has is answered from a read (read committed:
// it never waits for a writer's row lock); anything else goes through the group commit, which re-checks
// it under the locks, so the answer is the same as if every append had taken them.
public sealed partial class PostgresVersionStore
{
    private static readonly string UnchangedHead = SnapshotRows.SelectHeadWithHash(PostgresDialect.Instance);

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Force && await TryUnchangedAsync(request, cancellationToken).ConfigureAwait(false) is { } unchanged)
        {
            return unchanged;
        }

        return (await CommitAsync([request], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request);
        }

        return requests.Count == 0 ? [] : await CommitAsync(requests, cancellationToken).ConfigureAwait(false);
    }

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
                    request.Content.Hash.Hex);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                var head = PostgresSnapshotReader.Read(reader, request.Content.Utf8);
                // A removed head, or a head other than the expected one, takes the locked path and its answer.
                return head.HasContent && (request.ExpectedVersion ?? head.Version) == head.Version
                    ? new AppendResult(AppendOutcome.Unchanged, head)
                    : null;
            },
            cancellationToken);
}
