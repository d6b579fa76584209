using Verso.Errors;

namespace Verso.Postgres;

public sealed partial class PostgresVersionStore : IStoreFaultTranslator
{
    /// <inheritdoc />
    /// <remarks>PostgreSQL's errors by SQLSTATE (read-only, disk full, no such table, too big, damaged, busy, unreachable); never the password.</remarks>
    public VersoException? Translate(Exception exception) => PostgresFaults.Translate(exception, Where);
}
