using Microsoft.Data.Sqlite;
using Verso.Errors;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Relational.Writing;

namespace Verso.Sqlite;

// Tags: where each points now, and the append-only history of their moves (schema 3).
public sealed partial class SqliteVersionStore
{
    /// <inheritdoc />
    public Task<TagMove?> MoveTagAsync(TagMove move, CancellationToken cancellationToken = default) => _faults.WriteAsync<TagMove?>(async () =>
    {
        ArgumentNullException.ThrowIfNull(move);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var entityPk = await VersionEntityAsync(connection, move.Key, move.ToVersion, cancellationToken).ConfigureAwait(false)
                ?? throw new NotFoundException($"{move.Key}@{move.ToVersion}", $"not found: {move.Key}@{move.ToVersion} does not exist");
            await using var read = connection.CreateCommand();
            read.CommandText = TagRows.SelectCurrent(SqliteDialect.Instance);
            read.Parameters.AddWithValue("$entity", entityPk);
            read.Parameters.AddWithValue("$name", move.Name);
            var (current, seq) = await TagRows.ReadCurrentAsync(read, cancellationToken).ConfigureAwait(false);

            if (current == move.ToVersion)
            {
                return null;
            }

            await using var write = connection.CreateCommand();
            write.CommandText = """
                INSERT INTO tags (entity_pk, name, version) VALUES ($entity, $name, $to)
                ON CONFLICT (entity_pk, name) DO UPDATE SET version = excluded.version;
                INSERT INTO tag_history (entity_pk, name, seq, from_version, to_version, moved_by, moved_at, reason)
                VALUES ($entity, $name, $seq, $from, $to, $by, $at, $reason);
                """;
            write.Parameters.AddWithValue("$entity", entityPk);
            write.Parameters.AddWithValue("$name", move.Name);
            write.Parameters.AddWithValue("$seq", seq + 1);
            write.Parameters.AddWithValue("$from", (object?)current ?? DBNull.Value);
            write.Parameters.AddWithValue("$to", move.ToVersion);
            write.Parameters.AddWithValue("$by", move.MovedBy);
            write.Parameters.AddWithValue("$at", SqliteDialect.ToMicroseconds(move.MovedAt));
            write.Parameters.AddWithValue("$reason", (object?)move.Reason ?? DBNull.Value);
            await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return move with { FromVersion = current, MovedAt = SqliteDialect.FromMicroseconds(SqliteDialect.ToMicroseconds(move.MovedAt)) };
        }
        finally
        {
            _writeGate.Release();
        }
    });

    /// <inheritdoc />
    public Task<int?> GetTagAsync(EntityKey key, string name, CancellationToken cancellationToken = default) => _faults.ReadAsync<int?>(async () =>
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT t.version FROM tags t JOIN entities e ON e.entity_pk = t.entity_pk WHERE e.kind = $kind AND e.id = $id AND t.name = $name;";
        AddKey(command, key);
        command.Parameters.AddWithValue("$name", name);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null or DBNull ? null : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<EntityTag>> ListTagsAsync(EntityKey key, CancellationToken cancellationToken = default) => _faults.ReadAsync<IReadOnlyList<EntityTag>>(async () =>
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT t.name, t.version FROM tags t JOIN entities e ON e.entity_pk = t.entity_pk WHERE e.kind = $kind AND e.id = $id ORDER BY t.name;";
        AddKey(command, key);
        var tags = new List<EntityTag>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tags.Add(new EntityTag(reader.GetString(0), reader.GetInt32(1)));
        }

        return tags;
    });

    /// <inheritdoc />
    public Task<IReadOnlyList<TagMove>> GetTagHistoryAsync(EntityKey key, CancellationToken cancellationToken = default) => _faults.ReadAsync<IReadOnlyList<TagMove>>(async () =>
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT h.name, h.from_version, h.to_version, h.moved_by, h.moved_at, h.reason
            FROM tag_history h JOIN entities e ON e.entity_pk = h.entity_pk
            WHERE e.kind = $kind AND e.id = $id ORDER BY h.name, h.seq;
            """;
        AddKey(command, key);
        var moves = new List<TagMove>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            moves.Add(new TagMove(
                key, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3),
                SqliteDialect.FromMicroseconds(reader.GetInt64(4)), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return moves;
    });

    private static async Task<long?> VersionEntityAsync(SqliteConnection connection, EntityKey key, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT e.entity_pk FROM entities e JOIN versions v ON v.entity_pk = e.entity_pk WHERE e.kind = $kind AND e.id = $id AND v.version = $version;";
        AddKey(command, key);
        command.Parameters.AddWithValue("$version", version);
        return (long?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }
}
