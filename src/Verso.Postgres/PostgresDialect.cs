using System.Data.Common;
using Verso.Storage.Relational.Dialects;

namespace Verso.Postgres;

// PostgreSQL's side of the shared statements: tables in the verso schema, positional parameters, times as
// timestamptz (read back as UTC).
internal sealed class PostgresDialect : SqlDialect
{
    public static readonly PostgresDialect Instance = new();

    public override string Table(string name) => "verso." + name;

    public override string Parameter(int position, string name) => "$" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override DateTimeOffset ReadTime(DbDataReader row, int ordinal) => new(row.GetFieldValue<DateTime>(ordinal), TimeSpan.Zero);
}
