using System.Data.Common;

namespace Verso.Storage.Relational.Dialects;

/// <summary>
/// What differs between the SQL stores where a shared piece meets SQL (as Weasel.Core's base serves
/// Weasel.Sqlite and Weasel.Postgresql): where the tables live, how a parameter is written, how a time
/// is kept. Everything else of a shared statement is the same text in both stores.
/// </summary>
internal abstract class SqlDialect
{
    /// <summary>The name of one of Verso's tables as a statement names it (<c>versions</c>, <c>verso.versions</c>).</summary>
    public abstract string Table(string name);

    /// <summary>The placeholder of a statement's parameter: by <paramref name="position"/> (1-based) or by <paramref name="name"/>.</summary>
    public abstract string Parameter(int position, string name);

    /// <summary>A time column as the store keeps it, as a UTC instant.</summary>
    public abstract DateTimeOffset ReadTime(DbDataReader row, int ordinal);
}
