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

        var rows = new List<CompactionRow>();
        await using (var read = Command(connection, """
            SELECT f.first, b.hash, b.content, b.base, d.content,
                   (SELECT count(DISTINCT w.entity_pk) FROM verso.versions w WHERE w.hash = b.hash)
            FROM (SELECT hash, min(version) AS first FROM verso.versions WHERE entity_pk = $1 GROUP BY hash) f
            JOIN verso.blobs b ON b.hash = f.hash LEFT JOIN verso.blobs d ON d.hash = b.base
            ORDER BY f.first;
            """, entityPk))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var blob = new StoredBlob(
                    reader.GetString(1), reader.GetFieldValue<byte[]>(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4));
                rows.Add(new CompactionRow(reader.GetInt32(0), blob, reader.GetInt64(5)));
            }
        }

        if (DeltaCompaction.Plan(rows) is not { } planned)
        {
            return sofar with { Entities = sofar.Entities + 1, Skipped = sofar.Skipped + 1 };
        }

        foreach (var (hash, stored, @base) in planned)
        {
            await using var update = Command(
                connection, "UPDATE verso.blobs SET content = $1, base = $2 WHERE hash = $3;",
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = stored },
                new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)@base ?? DBNull.Value },
                hash);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var before = rows.ToDictionary(r => r.Blob.Hash, r => r.Blob.Stored.LongLength, StringComparer.Ordinal);
        var total = rows.Sum(r => r.Blob.Stored.LongLength);
        return new CompactionResult(
            sofar.Entities + 1, sofar.Rewritten + planned.Count, sofar.StoredBytesBefore + total,
            sofar.StoredBytesAfter + total - planned.Sum(p => before[p.Hash] - p.Stored.LongLength), sofar.Skipped);
    }
}
