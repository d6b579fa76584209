namespace Verso.Errors;

/// <summary>What kind of failure a <see cref="VersoException"/> reports, so every face (CLI, API) can answer alike.</summary>
public enum ErrorCategory
{
    /// <summary>Something outside the caller's input failed: I/O, the store, integrity.</summary>
    Failure,

    /// <summary>The caller's input was wrong: bad JSON, a bad name, an invalid record.</summary>
    BadInput,

    /// <summary>The caller's expectation about the store did not hold, e.g. an expected version.</summary>
    Conflict,

    /// <summary>The entity, version or hash asked for does not exist.</summary>
    NotFound,
}
