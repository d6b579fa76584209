namespace Verso.Errors;

/// <summary>The store cannot be used: it does not exist, is not initialized, or its schema does not match.</summary>
public sealed class StoreUnavailableException : VersoException
{
    /// <summary>Creates the exception.</summary>
    public StoreUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Failure;
}
