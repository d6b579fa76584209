using Verso.Naming;

namespace Verso.Errors;

/// <summary>A record refers to a version that does not exist, or whose content hash is not the one pinned.</summary>
public sealed class InvalidReferenceException : VersoException
{
    /// <summary>Creates the exception.</summary>
    public InvalidReferenceException(PinnedRef reference, string reason)
        : base($"invalid reference {reference}: {reason}")
    {
        Reference = reference;
    }

    /// <summary>The reference that does not hold.</summary>
    public PinnedRef Reference { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
