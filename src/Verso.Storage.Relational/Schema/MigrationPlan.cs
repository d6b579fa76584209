using Verso.Storage;

namespace Verso.Storage.Relational.Schema;

/// <summary>
/// What an upgrade of a store at schema <c>from</c> runs. The stores once numbered some steps apart
/// (PostgreSQL ran content removals as 4, import sources as 5, the change sequence as 6; SQLite 4, 5, 6 the
/// other way round); both number them alike now. A store's table of applied steps still holds the numbers
/// of the binary that ran them, so each store keeps a map from its old numbers to the new ones.
/// </summary>
/// <remarks>
/// The map is always a permutation of a few consecutive numbers, and an upgrade always runs every step up
/// to the newest in one transaction, so only a store left between those numbers by an old binary reads
/// differently under the two numberings; it can only have been written with the old one.
/// </remarks>
internal sealed record MigrationPlan(IReadOnlyList<SchemaMigration> Pending, IReadOnlyList<(int Old, int New)> Renumbered)
{
    /// <summary>The plan for a store at <paramref name="from"/>, given its old numbers (<paramref name="legacy"/>: old → new).</summary>
    public static MigrationPlan For(IReadOnlyList<SchemaMigration> migrations, int from, IReadOnlyDictionary<int, int> legacy)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(legacy);
        var applied = Enumerable.Range(1, Math.Max(from, 0)).Select(n => legacy.GetValueOrDefault(n, n)).ToHashSet();
        var renumbered = applied.SetEquals(Enumerable.Range(1, Math.Max(from, 0)))
            ? []
            : Enumerable.Range(1, from).Where(n => legacy.GetValueOrDefault(n, n) != n).Select(n => (n, legacy[n])).ToList();
        return new MigrationPlan(migrations.Where(m => !applied.Contains(m.Version)).ToList(), renumbered);
    }

    /// <summary>
    /// The statements that move the rows of <see cref="Renumbered"/> steps in <paramref name="table"/> (with a
    /// <c>version</c> key) to their new numbers, through negative numbers so no two rows ever share one.
    /// </summary>
    public string RenumberSql(string table)
    {
        if (Renumbered.Count == 0)
        {
            return string.Empty;
        }

        var moves = string.Concat(Renumbered.Select(r => FormattableString.Invariant($"UPDATE {table} SET version = {-r.New} WHERE version = {r.Old};\n")));
        return moves + $"UPDATE {table} SET version = -version WHERE version < 0;\n";
    }
}
