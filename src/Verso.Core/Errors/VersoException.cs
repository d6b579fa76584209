namespace Verso.Errors;

/// <summary>
/// The base of every error Verso raises on purpose. Its message is one line that a user can act on.
/// </summary>
public abstract class VersoException : Exception
{
    /// <summary>Creates the exception with a one-line message.</summary>
    protected VersoException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of failure this is.</summary>
    public abstract ErrorCategory Category { get; }
}
