using System.Data.Common;
using Verso.Storage.Relational.Dialects;

namespace Verso.Sqlite;

// SQLite's side of the shared statements: tables in the file's main schema, named parameters, times as
// microseconds since the Unix epoch (an INTEGER sorts and compares as the instant does).
internal sealed class SqliteDialect : SqlDialect
{
    public static readonly SqliteDialect Instance = new();

    public override string Table(string name) => name;

    public override string Parameter(int position, string name) => "$" + name;

    public override DateTimeOffset ReadTime(DbDataReader row, int ordinal) => FromMicroseconds(row.GetInt64(ordinal));

    public static long ToMicroseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicroseconds(long microseconds) => DateTimeOffset.UnixEpoch.AddTicks(microseconds * 10);
}
