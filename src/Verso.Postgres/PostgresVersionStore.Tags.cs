using Verso.Errors;
using Verso.Naming;
using Verso.Storage;
using Verso.Storage.Relational.Writing;

namespace Verso.Postgres;

// Tags: where each points now, and the append-only history of their moves (schema 3).
public sealed partial class PostgresVersionStore
{
    /// <inheritdoc />
    public Task<TagMove?> MoveTagAsync(TagMove move, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(move);
        return _connections.RunAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                // Moves of one entity's tags queue on its head row, as appends do.
                await using var lockHead = Command(connection, """
                    SELECT e.entity_pk FROM verso.entities e
                    WHERE e.kind = $1 AND e.id = $2 AND EXISTS (SELECT 1 FROM verso.versions v WHERE v.entity_pk = e.entity_pk AND v.version = $3)
                    FOR UPDATE;
                    """, move.Key.Kind, move.Key.Id, move.ToVersion);
                var entityPk = (long?)await lockHead.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false)
                    ?? throw new NotFoundException($"{move.Key}@{move.ToVersion}", $"not found: {move.Key}@{move.ToVersion} does not exist");
                await using var read = Command(connection, TagRows.SelectCurrent(PostgresDialect.Instance), entityPk, move.Name);
                var (current, lastSeq) = await TagRows.ReadCurrentAsync(read, cancellationToken).ConfigureAwait(false);
                // tag_history.seq is an integer column here.
                var seq = checked((int)lastSeq);

                if (current == move.ToVersion)
                {
                    return null;
                }

                await using var write = Command(connection, """
                    INSERT INTO verso.tags (entity_pk, name, version) VALUES ($1, $2, $3)
                    ON CONFLICT (entity_pk, name) DO UPDATE SET version = excluded.version;
                    """, entityPk, move.Name, move.ToVersion);
                await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await using var history = Command(connection, """
                    INSERT INTO verso.tag_history (entity_pk, name, seq, from_version, to_version, moved_by, moved_at, reason)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8);
                    """,
                    entityPk, move.Name, seq + 1,
                    new Npgsql.NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer, Value = (object?)current ?? DBNull.Value },
                    move.ToVersion, move.MovedBy, move.MovedAt.UtcDateTime,
                    new Npgsql.NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, Value = (object?)move.Reason ?? DBNull.Value });
                await history.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return move with { FromVersion = current };
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<int?> GetTagAsync(EntityKey key, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync(
            async connection =>
            {
                await using var command = Command(connection,
                    "SELECT t.version FROM verso.tags t JOIN verso.entities e ON e.entity_pk = t.entity_pk WHERE e.kind = $1 AND e.id = $2 AND t.name = $3;",
                    key.Kind, key.Id, name);
                return (int?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<EntityTag>> ListTagsAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync<IReadOnlyList<EntityTag>>(
            async connection =>
            {
                await using var command = Command(connection,
                    "SELECT t.name, t.version FROM verso.tags t JOIN verso.entities e ON e.entity_pk = t.entity_pk WHERE e.kind = $1 AND e.id = $2 ORDER BY t.name;",
                    key.Kind, key.Id);
                var tags = new List<EntityTag>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    tags.Add(new EntityTag(reader.GetString(0), reader.GetInt32(1)));
                }

                return tags;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TagMove>> GetTagHistoryAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        return _connections.RunAsync<IReadOnlyList<TagMove>>(
            async connection =>
            {
                await using var command = Command(connection, """
                    SELECT h.name, h.from_version, h.to_version, h.moved_by, h.moved_at, h.reason
                    FROM verso.tag_history h JOIN verso.entities e ON e.entity_pk = h.entity_pk
                    WHERE e.kind = $1 AND e.id = $2 ORDER BY h.name, h.seq;
                    """, key.Kind, key.Id);
                var moves = new List<TagMove>();
                await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    moves.Add(new TagMove(
                        key, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetInt32(1), reader.GetInt32(2), reader.GetString(3),
                        new DateTimeOffset(reader.GetFieldValue<DateTime>(4), TimeSpan.Zero), reader.IsDBNull(5) ? null : reader.GetString(5)));
                }

                return moves;
            },
            cancellationToken);
    }
}
