using System.Data.Common;

namespace Verso.Storage.Relational.Compression;

/// <summary>The deltas built on blobs a prune or an erase deletes, as both stores read them for <see cref="DeltaRebase"/>.</summary>
internal static class StoredBlobGroups
{
    /// <summary>
    /// Rows of (hash, stored, base hash, base stored), ordered by base and then by the first version holding
    /// each, as one group per base, each group in version order.
    /// </summary>
    public static async Task<List<List<StoredBlob>>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var groups = new List<List<StoredBlob>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var blob = new StoredBlob(Hashes.HashColumns.Hex(reader, 0), reader.GetFieldValue<byte[]>(1), Hashes.HashColumns.Hex(reader, 2), reader.GetFieldValue<byte[]>(3));
            if (groups.Count == 0 || groups[^1][0].BaseHash != blob.BaseHash)
            {
                groups.Add([]);
            }

            groups[^1].Add(blob);
        }

        return groups;
    }
}
