using Npgsql;
using Verso.Errors;
using Verso.Storage;
using Verso.Storage.Relational.Faults;

namespace Verso.Postgres;

// Appends run inside a fault boundary, as SQLite's do: a driver error leaves in the categories every store reports,
// and a write that failed for a lasting cause (a read-only database or server, a full disk) is remembered until a
// write gets through, so the server's readiness probe answers for writes on PostgreSQL too.
public sealed partial class PostgresVersionStore : IWriteReadiness
{
    private FaultBoundary? _writes;

    /// <inheritdoc />
    public StoreFailureException? WriteFault => Writes.WriteFault;

    private FaultBoundary Writes => LazyInitializer.EnsureInitialized(
        ref _writes, () => new FaultBoundary(exception => exception is NpgsqlException driver ? _connections.Fault(driver) : null));
}
