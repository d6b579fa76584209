using System.Data.Common;
using System.Globalization;
using Verso.Storage.Relational.Dialects;

namespace Verso.Storage.Relational.Writing;

/// <summary>What a tag move reads first in both stores, under the store's write lock: where the tag points and its last move.</summary>
internal static class TagRows
{
    /// <summary>The tag's version (NULL when it has none) and its last move's sequence (0 for none), by entity (parameter 1) and name (2).</summary>
    public static string SelectCurrent(SqlDialect dialect) => $"""
        SELECT (SELECT version FROM {dialect.Table("tags")} WHERE entity_pk = {dialect.Parameter(1, "entity")} AND name = {dialect.Parameter(2, "name")}),
               (SELECT coalesce(max(seq), 0) FROM {dialect.Table("tag_history")} WHERE entity_pk = {dialect.Parameter(1, "entity")} AND name = {dialect.Parameter(2, "name")});
        """;

    /// <summary>The row of <see cref="SelectCurrent"/>.</summary>
    public static async Task<(int? Current, long LastSeq)> ReadCurrentAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        // max(seq) is an integer in PostgreSQL and an INTEGER (64 bits) in SQLite.
        return (reader.IsDBNull(0) ? null : reader.GetInt32(0), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
    }
}
