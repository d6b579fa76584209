namespace Verso.Errors;

/// <summary>A hash prefix matched more than one version of an entity.</summary>
public sealed class AmbiguousHashPrefixException : VersoException
{
    /// <summary>Creates the exception.</summary>
    public AmbiguousHashPrefixException(string reference)
        : base($"hash prefix in '{reference}' matches more than one version; give more hex digits")
    {
        Reference = reference;
    }

    /// <summary>The ref whose prefix was ambiguous.</summary>
    public string Reference { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
