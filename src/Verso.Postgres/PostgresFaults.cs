using System.Net.Sockets;
using Npgsql;
using Verso.Errors;

namespace Verso.Postgres;

// PostgreSQL's errors in a user's words, by SQLSTATE class (https://www.postgresql.org/docs/current/errcodes-appendix.html).
internal static class PostgresFaults
{
    public static VersoException? Translate(Exception exception, string where)
    {
        var (cause, message, code) = exception switch
        {
            PostgresException postgres => Describe(postgres, where),
            NpgsqlException { InnerException: SocketException socket } => (StoreFailureCause.Unavailable, $"cannot reach the PostgreSQL store at {where}: {socket.Message}", (string?)null),
            NpgsqlException { InnerException: TimeoutException } => (StoreFailureCause.Unavailable, $"the PostgreSQL store at {where} did not answer in time", null),
            NpgsqlException npgsql => (StoreFailureCause.Unavailable, $"the PostgreSQL store at {where} failed: {npgsql.Message}", null),
            _ => default,
        };
        return message is null ? null : new StoreFailureException(where, cause, message, exception) { DriverCode = code };
    }

    private static (StoreFailureCause, string, string?) Describe(PostgresException postgres, string where)
    {
        var state = postgres.SqlState;
        var (cause, message) = state switch
        {
            "25006" => (StoreFailureCause.ReadOnly, $"the PostgreSQL store at {where} is read-only (a standby or a read-only transaction)"),
            "42501" => (StoreFailureCause.ReadOnly, $"the PostgreSQL user may not do this on {where}: {postgres.MessageText}"),
            "53100" => (StoreFailureCause.DiskFull, $"the disk of the PostgreSQL store at {where} is full; nothing was saved"),
            "42P01" => (StoreFailureCause.NotAStore, $"{where} is not a Verso store yet (no table {postgres.TableName ?? "of Verso's"}); run 'verso init' to create it"),
            "54000" or "54001" or "22001" => (StoreFailureCause.TooBig, $"a value is too big for the PostgreSQL store at {where}: {postgres.MessageText}"),
            "XX001" or "XX002" => (StoreFailureCause.Corrupt, $"the PostgreSQL store at {where} is damaged: {postgres.MessageText}"),
            // A serialization failure, a deadlock, a lock or statement timeout, a statement cancelled by an operator, too
            // many connections: nothing was saved, and the same request may well go through a moment later.
            "40001" or "40P01" or "55P03" or "55006" or "53300" => (StoreFailureCause.Busy, $"the PostgreSQL store at {where} is busy: {postgres.MessageText}; try again"),
            "57014" => (StoreFailureCause.Busy, $"the PostgreSQL server of {where} cancelled the statement (a statement timeout or an operator): {postgres.MessageText}; nothing was saved, try again"),
            "3D000" => (StoreFailureCause.Unavailable, $"the database of {where} does not exist"),
            "28P01" or "28000" => (StoreFailureCause.Unavailable, $"PostgreSQL refused the login to {where}: {postgres.MessageText}"),
            _ when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57", StringComparison.Ordinal)
                => (StoreFailureCause.Unavailable, $"the PostgreSQL store at {where} is not available: {postgres.MessageText}"),
            _ when state.StartsWith("53", StringComparison.Ordinal) => (StoreFailureCause.Unavailable, $"the PostgreSQL server of {where} is out of resources: {postgres.MessageText}"),
            _ => (StoreFailureCause.Unavailable, $"the PostgreSQL store at {where} failed: {postgres.MessageText} (SQLSTATE {state})"),
        };
        return (cause, message, state);
    }
}
