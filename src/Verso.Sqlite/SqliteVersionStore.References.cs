using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Sqlite;

// Time travel and references between versions: the reads of schema 2 and the checks inside an append.
public sealed partial class SqliteVersionStore
{
    /// <inheritdoc />
    public Task<Snapshot?> GetAsOfAsync(EntityKey key, DateTimeOffset time, CancellationToken cancellationToken = default) => _faults.ReadAsync<Snapshot?>(async () =>
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = SqliteDialect.Instance.SelectSnapshot + """
             WHERE e.kind = $kind AND e.id = $id AND v.saved_at <= $time
            ORDER BY v.saved_at DESC, v.version DESC LIMIT 1;
            """;
        AddKey(command, key);
        command.Parameters.AddWithValue("$time", SqliteDialect.ToMicroseconds(time));
        return (await SqliteDialect.Instance.ReadSnapshotsAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<VersionRef>> FindReferrersAsync(EntityKey key, int version, CancellationToken cancellationToken = default) => _faults.ReadAsync<IReadOnlyList<VersionRef>>(async () =>
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.kind, e.id, r.version
            FROM version_refs r
            JOIN entities t ON t.entity_pk = r.target_pk
            JOIN entities e ON e.entity_pk = r.entity_pk
            WHERE t.kind = $kind AND t.id = $id AND r.target_version = $version
            ORDER BY e.kind, e.id, r.version;
            """;
        AddKey(command, key);
        command.Parameters.AddWithValue("$version", version);
        var referrers = new List<VersionRef>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            referrers.Add(VersionRef.ForVersion(EntityKey.Create(reader.GetString(0), reader.GetString(1)), reader.GetInt32(2)));
        }

        return referrers;
    });

    /// <inheritdoc />
    public Task<IChangeFeed> SubscribeAsync(string? kind = null, CancellationToken cancellationToken = default) => _faults.ReadAsync<IChangeFeed>(async () =>
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(seq), 0) FROM versions;";
        var after = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return new SqliteChangeFeed(_connections, kind, after);
    });

    /// <inheritdoc />
    public IAsyncEnumerable<Snapshot> ScanAsync(CancellationToken cancellationToken = default) =>
        _faults.StreamAsync(ScanCoreAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<Snapshot> ScanCoreAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // A version whose blob is gone still shows up, with no content, so the check can name it.
        command.CommandText = SqliteDialect.Instance.SelectSnapshotEvenWithoutContent
            + " ORDER BY e.kind, e.id, v.version;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return SqliteDialect.Instance.ReadSnapshot(reader);
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Storage.EntityHead> ListAllHeadsAsync(CancellationToken cancellationToken = default) =>
        _faults.StreamAsync(ListAllHeadsCoreAsync(cancellationToken), cancellationToken);

    private async IAsyncEnumerable<Storage.EntityHead> ListAllHeadsCoreAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT kind, id, head, head_hash, head_saved_at FROM entities WHERE head > 0 ORDER BY kind, id;";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new Storage.EntityHead(
                EntityKey.Create(reader.GetString(0), reader.GetString(1)),
                reader.GetInt32(2),
                Verso.Storage.Relational.Hashes.HashColumns.Read(reader, 3),
                SqliteDialect.FromMicroseconds(reader.GetInt64(4)));
        }
    }
}
