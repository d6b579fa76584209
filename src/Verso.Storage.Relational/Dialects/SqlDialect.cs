using System.Data.Common;
using Verso.Model.Snapshots;
using Verso.Storage.Relational.Reading;

namespace Verso.Storage.Relational.Dialects;

/// <summary>
/// What differs between the SQL stores where a shared piece meets SQL (as Weasel.Core's base serves
/// Weasel.Sqlite and Weasel.Postgresql): where the tables live, how a parameter is written, how a time
/// is kept. Everything else of a shared statement is the same text in both stores.
/// </summary>
internal abstract class SqlDialect
{
    private string? _selectSnapshot;
    private string? _selectSnapshotEvenWithoutContent;

    /// <summary>The snapshot SELECT of <see cref="SnapshotRows.Select"/> in this dialect, to which a WHERE clause is added.</summary>
    public string SelectSnapshot => _selectSnapshot ??= SnapshotRows.Select(this);

    /// <summary>The same, also for a version whose blob is missing.</summary>
    public string SelectSnapshotEvenWithoutContent => _selectSnapshotEvenWithoutContent ??= SnapshotRows.SelectEvenWithoutContent(this);

    /// <summary>The name of one of Verso's tables as a statement names it (<c>versions</c>, <c>verso.versions</c>).</summary>
    public abstract string Table(string name);

    /// <summary>The placeholder of a statement's parameter: by <paramref name="position"/> (1-based) or by <paramref name="name"/>.</summary>
    public abstract string Parameter(int position, string name);

    /// <summary>A time column as the store keeps it, as a UTC instant.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader row, int ordinal);

    /// <summary>The snapshot a row of <see cref="SelectSnapshot"/> holds (see <see cref="SnapshotRows.Read"/>).</summary>
    public Snapshot ReadSnapshot(DbDataReader row, ReadOnlyMemory<byte> knownContent = default) => SnapshotRows.Read(row, this, knownContent);

    /// <summary>Every snapshot <paramref name="command"/> selects.</summary>
    public Task<List<Snapshot>> ReadSnapshotsAsync(DbCommand command, CancellationToken cancellationToken) => SnapshotRows.ReadAllAsync(command, this, cancellationToken);
}
