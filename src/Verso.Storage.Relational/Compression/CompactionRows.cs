using System.Data.Common;
using Verso.Storage.Relational.Dialects;

namespace Verso.Storage.Relational.Compression;

/// <summary>What gc reads of one entity's blobs and what it reports, the same in both stores.</summary>
internal static class CompactionRows
{
    /// <summary>One entity's blobs (first parameter: its key), each with its base's hash and bytes, in the order of the first version holding each, with how many entities hold each.</summary>
    public static string Select(SqlDialect dialect) => $"""
        SELECT f.first, b.hash, b.content, d.hash, d.content,
               (SELECT count(DISTINCT w.entity_pk) FROM {dialect.Table("versions")} w WHERE w.hash = b.hash)
        FROM (SELECT hash, min(version) AS first FROM {dialect.Table("versions")} WHERE entity_pk = {dialect.Parameter(1, "entity")} GROUP BY hash) f
        JOIN {dialect.Table("blobs")} b ON b.hash = f.hash LEFT JOIN {dialect.Table("blobs")} d ON d.blob_pk = b.base
        ORDER BY f.first;
        """;

    /// <summary>The rows of <see cref="Select"/>.</summary>
    public static async Task<List<CompactionRow>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<CompactionRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var blob = new StoredBlob(
                Hashes.HashColumns.Hex(reader, 1), reader.GetFieldValue<byte[]>(2), reader.IsDBNull(3) ? null : Hashes.HashColumns.Hex(reader, 3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4));
            rows.Add(new CompactionRow(reader.GetInt32(0), blob, reader.GetInt64(5)));
        }

        return rows;
    }

    /// <summary><paramref name="sofar"/> with one more entity: skipped (a damaged blob, <paramref name="planned"/> null) or rewritten as planned.</summary>
    public static CompactionResult Tally(CompactionResult sofar, List<CompactionRow> rows, List<(string Hash, byte[] Stored, string? Base)>? planned)
    {
        if (planned is null)
        {
            return sofar with { Entities = sofar.Entities + 1, Skipped = sofar.Skipped + 1 };
        }

        var before = rows.ToDictionary(r => r.Blob.Hash, r => r.Blob.Stored.LongLength, StringComparer.Ordinal);
        var total = rows.Sum(r => r.Blob.Stored.LongLength);
        return new CompactionResult(
            sofar.Entities + 1, sofar.Rewritten + planned.Count, sofar.StoredBytesBefore + total,
            sofar.StoredBytesAfter + total - planned.Sum(p => before[p.Hash] - p.Stored.LongLength), sofar.Skipped);
    }
}
