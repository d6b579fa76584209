using Microsoft.Data.Sqlite;
using Verso.Storage.Relational.Compression;
using Verso.Storage.Relational.Hashes;
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
            List<CompactionRow> rows;
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = CompactionRows.Select(SqliteDialect.Instance);
                read.Parameters.AddWithValue("$entity", entityPk);
                rows = await CompactionRows.ReadAsync(read, cancellationToken).ConfigureAwait(false);
            }

            if (DeltaCompaction.Plan(rows) is not { } planned)
            {
                return CompactionRows.Tally(sofar, rows, null);
            }

            foreach (var (hash, stored, @base) in planned)
            {
                await using var update = connection.CreateCommand();
                update.CommandText = SqliteBlobRetirement.Rewrite;
                update.Parameters.Add(new SqliteParameter("$content", SqliteType.Blob) { Value = stored });
                update.Parameters.AddWithValue("$base", @base is null ? DBNull.Value : HashColumns.Bytes(@base));
                update.Parameters.AddWithValue("$hash", HashColumns.Bytes(hash));
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return CompactionRows.Tally(sofar, rows, planned);
        }
        finally
        {
            _writeGate.Release();
        }
    }
}
