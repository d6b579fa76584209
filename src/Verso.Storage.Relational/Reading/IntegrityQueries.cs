using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage.Relational.Dialects;

namespace Verso.Storage.Relational.Reading;

/// <summary>The statements verify reads in both stores, each with the mapping of its row (read through <see cref="IntegrityRows"/>).</summary>
internal static class IntegrityQueries
{
    /// <summary>Every entity that has a version, by kind and id.</summary>
    public static IntegrityQuery<EntityHead> Heads(SqlDialect dialect) => new(
        $"SELECT kind, id, head, head_hash, head_saved_at FROM {dialect.Table("entities")} WHERE head > 0 ORDER BY kind, id;",
        row => new EntityHead(
            EntityKey.Create(row.GetString(0), row.GetString(1)), row.GetInt32(2), Hashes.HashColumns.Read(row, 3), dialect.ReadTime(row, 4)));

    /// <summary>Every version; one whose blob is gone still shows up, with no content, so the check can name it.</summary>
    public static IntegrityQuery<Snapshot> Snapshots(SqlDialect dialect) => new(
        SnapshotRows.SelectEvenWithoutContent(dialect) + " ORDER BY e.kind, e.id, v.version;",
        row => SnapshotRows.Read(row, dialect));

    /// <summary>Every tag and the version it names.</summary>
    public static IntegrityQuery<StoredTag> Tags(SqlDialect dialect) => new(
        $"SELECT e.kind, e.id, t.name, t.version FROM {dialect.Table("tags")} t JOIN {dialect.Table("entities")} e ON e.entity_pk = t.entity_pk ORDER BY e.kind, e.id, t.name;",
        row => new StoredTag(EntityKey.Create(row.GetString(0), row.GetString(1)), row.GetString(2), row.GetInt32(3)));

    /// <summary>Every move of every tag, in order.</summary>
    public static IntegrityQuery<TagMove> TagHistory(SqlDialect dialect) => new(
        $"""
        SELECT e.kind, e.id, h.name, h.from_version, h.to_version, h.moved_by, h.moved_at, h.reason
        FROM {dialect.Table("tag_history")} h JOIN {dialect.Table("entities")} e ON e.entity_pk = h.entity_pk ORDER BY e.kind, e.id, h.name, h.seq;
        """,
        row => new TagMove(
            EntityKey.Create(row.GetString(0), row.GetString(1)), row.GetString(2), row.IsDBNull(3) ? null : row.GetInt32(3), row.GetInt32(4),
            row.GetString(5), dialect.ReadTime(row, 6), row.IsDBNull(7) ? null : row.GetString(7)));
}
