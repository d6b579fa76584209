using Verso.Storage.Relational.Hashes;
using Npgsql;
using NpgsqlTypes;
using Verso.Storage.Relational.Compression;
using Verso.Storage;

namespace Verso.Postgres;

// verso gc: every entity's blobs stored again, as the append would store them now (schema 8's deltas for
// rows written before, or rows a retention left whole). One transaction per entity, holding its head row
// as a prune does, so appends to that entity wait for it and no other entity's work touches its rows
// (see DeltaCompaction for why).
public sealed partial class PostgresVersionStore : IContentCompaction
{
    /// <inheritdoc />
    public async Task<CompactionResult> CompactAsync(CancellationToken cancellationToken = default)
    {
        var entities = await _connections.RunAsync(
            async connection =>
            {
                var found = new List<long>();
                await using var list = Command(connection, "SELECT entity_pk FROM verso.entities WHERE head > 0 ORDER BY entity_pk;");
                await using var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found.Add(reader.GetInt64(0));
                }

                return found;
            },
            cancellationToken).ConfigureAwait(false);

        var result = new CompactionResult(0, 0, 0, 0, 0);
        foreach (var entityPk in entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = await _connections.RunAsync(connection => CompactEntityAsync(connection, entityPk, result, cancellationToken), cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static async Task<CompactionResult> CompactEntityAsync(NpgsqlConnection connection, long entityPk, CompactionResult sofar, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var lockHead = Command(connection, "SELECT 1 FROM verso.entities WHERE entity_pk = $1 FOR NO KEY UPDATE;", entityPk))
        {
            await lockHead.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        List<CompactionRow> rows;
        await using (var read = Command(connection, SelectCompactionRows, entityPk))
        {
            rows = await CompactionRows.ReadAsync(read, cancellationToken).ConfigureAwait(false);
        }

        if (DeltaCompaction.Plan(rows) is not { } planned)
        {
            return CompactionRows.Tally(sofar, rows, null);
        }

        foreach (var (hash, stored, @base) in planned)
        {
            await using var update = Command(
                connection, PostgresBlobRetirement.Rewrite,
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = stored },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = @base is null ? DBNull.Value : HashColumns.Bytes(@base) },
                HashColumns.Bytes(hash));
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return CompactionRows.Tally(sofar, rows, planned);
    }

    private static readonly string SelectCompactionRows = CompactionRows.Select(PostgresDialect.Instance);
}
