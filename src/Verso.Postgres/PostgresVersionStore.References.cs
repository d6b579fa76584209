using Verso.Storage.Relational.Hashes;
using Npgsql;
using Verso.Errors;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage.Relational.Writing;

namespace Verso.Postgres;

// Time travel and references between versions: the reads of schema 2 and the checks inside an append.
public sealed partial class PostgresVersionStore
{
    /// <inheritdoc />
    public Task<Snapshot?> GetAsOfAsync(EntityKey key, DateTimeOffset time, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync(
            async connection => (await QueryAsync(
                connection,
                // The version is picked by its own statement on the (entity, saved_at) index, read backwards: as one
                // ORDER BY over the joined rows the planner sorted the whole history of a long-lived entity.
                """
                 WHERE e.kind = $1 AND e.id = $2 AND v.version = (
                    SELECT m.version FROM verso.versions m WHERE m.entity_pk = e.entity_pk AND m.saved_at <= $3
                    ORDER BY m.saved_at DESC, m.version DESC LIMIT 1);
                """,
                [key.Kind, key.Id, time.UtcDateTime],
                cancellationToken).ConfigureAwait(false)).SingleOrDefault(),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<VersionRef>> FindReferrersAsync(EntityKey key, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync<IReadOnlyList<VersionRef>>(
            async connection =>
            {
                await using var command = Command(connection, """
                    SELECT e.kind, e.id, r.version
                    FROM verso.version_refs r
                    JOIN verso.entities t ON t.entity_pk = r.target_pk
                    JOIN verso.entities e ON e.entity_pk = r.entity_pk
                    WHERE t.kind = $1 AND t.id = $2 AND r.target_version = $3
                    ORDER BY e.kind, e.id, r.version;
                    """, key.Kind, key.Id, version);
                var referrers = new List<VersionRef>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    referrers.Add(VersionRef.ForVersion(EntityKey.Create(reader.GetString(0), reader.GetString(1)), reader.GetInt32(2)));
                }

                return referrers;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<Storage.IChangeFeed> SubscribeAsync(string? kind = null, CancellationToken cancellationToken = default)
    {
        var connection = await _connections.OpenDedicatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostgresChangeFeed.ListenAsync(connection, kind, _connections.Where, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Snapshot> ScanAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Read in pages by entity so a large store is never held in memory whole.
        var heads = new List<Storage.EntityHead>();
        await foreach (var head in ListAllHeadsAsync(cancellationToken).ConfigureAwait(false))
        {
            heads.Add(head);
        }

        foreach (var head in heads)
        {
            var versions = await _connections.RunAsync(
                connection => QueryAsync(
                    connection,
                    " WHERE e.kind = $1 AND e.id = $2 ORDER BY v.version;",
                    [head.Key.Kind, head.Key.Id],
                    cancellationToken,
                    leftJoinBlobs: true),
                cancellationToken).ConfigureAwait(false);
            foreach (var snapshot in versions)
            {
                yield return snapshot;
            }
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Storage.EntityHead> ListAllHeadsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var heads = await _connections.RunAsync(
            async connection =>
            {
                await using var command = Command(connection, "SELECT kind, id, head, head_hash, head_saved_at FROM verso.entities WHERE head > 0 ORDER BY kind, id;");
                var list = new List<Storage.EntityHead>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    list.Add(new Storage.EntityHead(
                        EntityKey.Create(reader.GetString(0), reader.GetString(1)), reader.GetInt32(2),
                        HashColumns.Read(reader, 3), new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero)));
                }

                return list;
            },
            cancellationToken).ConfigureAwait(false);
        foreach (var head in heads)
        {
            yield return head;
        }
    }

    // Inside the append's transaction: every pinned version must exist with the pinned hash. Versions are
    // never changed once written, so no lock is needed to keep the check true until the commit.
    private static readonly string CheckReference = ReferenceChecks.Select(PostgresDialect.Instance) + " FOR SHARE OF v;";

    private static async Task<List<(long TargetPk, int TargetVersion)>> CheckReferencesAsync(
        NpgsqlConnection connection, IEnumerable<PinnedRef> references, PostgresTransactionAppends appends, CancellationToken cancellationToken)
    {
        var targets = new List<(long, int)>();
        foreach (var reference in references)
        {
            // A version this transaction appended is not in the table until its last round trip: checked here.
            if (appends.EntityPkOf(reference.Key) is { } ownPk
                && appends.VersionsOf(reference.Key).FirstOrDefault(v => v.Version == reference.Version) is { } own)
            {
                if (own.Hash != reference.Hash)
                {
                    throw new InvalidReferenceException(reference, $"that version's hash is {own.Hash}");
                }

                targets.Add((ownPk, reference.Version));
                continue;
            }

            // FOR SHARE: a prune of the target waits for this pin to commit, then sees it and keeps the version.
            await using var command = Command(connection, CheckReference, reference.Key.Kind, reference.Key.Id, reference.Version);
            targets.Add(await ReferenceChecks.CheckAsync(reference, command, cancellationToken).ConfigureAwait(false));
        }

        return targets;
    }
}
