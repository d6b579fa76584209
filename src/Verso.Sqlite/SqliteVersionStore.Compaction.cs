using Microsoft.Data.Sqlite;
using Verso.Storage.Relational.Compression;
using Verso.Storage;

namespace Verso.Sqlite;

// verso gc: every entity's blobs stored again, as the append would store them now (schema 8's deltas for
// rows written before, or rows a retention left whole). One transaction per entity under the write lock,
// so writers wait for one entity at a time, never for the whole store.
public sealed partial class SqliteVersionStore : IContentCompaction
{
    /// <inheritdoc />
    public Task<CompactionResult> CompactAsync(CancellationToken cancellationToken = default) => _faults.WriteAsync<CompactionResult>(async () =>
    {
        var entities = new List<long>();
        await using (var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false))
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT entity_pk FROM entities WHERE head > 0 ORDER BY entity_pk;";
            await using var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                entities.Add(reader.GetInt64(0));
            }
        }

        var result = new CompactionResult(0, 0, 0, 0, 0);
        foreach (var entityPk in entities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            result = await CompactEntityAsync(entityPk, result, cancellationToken).ConfigureAwait(false);
        }

        return result;
    });

    private async Task<CompactionResult> CompactEntityAsync(long entityPk, CompactionResult sofar, CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = connection.BeginTransaction(deferred: false);
            var rows = new List<CompactionRow>();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = """
                    SELECT f.first, b.hash, b.content, b.base, d.content,
                           (SELECT count(DISTINCT w.entity_pk) FROM versions w WHERE w.hash = b.hash)
                    FROM (SELECT hash, min(version) AS first FROM versions WHERE entity_pk = $entity GROUP BY hash) f
                    JOIN blobs b ON b.hash = f.hash LEFT JOIN blobs d ON d.hash = b.base
                    ORDER BY f.first;
                    """;
                read.Parameters.AddWithValue("$entity", entityPk);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
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

            var before = rows.ToDictionary(r => r.Blob.Hash, r => r.Blob.Stored.LongLength, StringComparer.Ordinal);
            foreach (var (hash, stored, @base) in planned)
            {
                await using var update = connection.CreateCommand();
                update.CommandText = "UPDATE blobs SET content = $content, base = $base WHERE hash = $hash;";
                update.Parameters.Add(new SqliteParameter("$content", SqliteType.Blob) { Value = stored });
                update.Parameters.AddWithValue("$base", (object?)@base ?? DBNull.Value);
                update.Parameters.AddWithValue("$hash", hash);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            var after = rows.Sum(r => r.Blob.Stored.LongLength) - planned.Sum(p => before[p.Hash] - p.Stored.LongLength);
            return new CompactionResult(
                sofar.Entities + 1, sofar.Rewritten + planned.Count, sofar.StoredBytesBefore + rows.Sum(r => r.Blob.Stored.LongLength),
                sofar.StoredBytesAfter + after, sofar.Skipped);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
