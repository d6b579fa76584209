namespace Verso.Errors;

/// <summary>
/// The store failed for a reason outside the caller's input: read-only, disk full, not a store, damaged,
/// busy, a value too big, unreachable. Each backend translates its driver's errors into this type where it
/// calls the driver (see <see cref="IStoreFaultTranslator"/>), so no driver exception reaches a face.
/// </summary>
public sealed class StoreFailureException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="store">Where the store is, for people: a file path or host:port/db (never a password).</param>
    /// <param name="cause">Why it failed.</param>
    /// <param name="message">One line a user can act on, naming the store.</param>
    /// <param name="innerException">The driver's error.</param>
    public StoreFailureException(string store, StoreFailureCause cause, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Store = store;
        Cause = cause;
    }

    /// <summary>Where the store is: a file path or host:port/db.</summary>
    public string Store { get; }

    /// <summary>Why it failed.</summary>
    public StoreFailureCause Cause { get; }

    /// <summary>The driver's own code for the error (SQLite's result code, PostgreSQL's SQLSTATE), when there is one.</summary>
    public string? DriverCode { get; init; }

    /// <inheritdoc />
    public override ErrorCategory Category => Cause == StoreFailureCause.TooBig ? ErrorCategory.BadInput : ErrorCategory.Failure;
}
