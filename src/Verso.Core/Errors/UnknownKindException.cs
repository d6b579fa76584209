namespace Verso.Errors;

/// <summary>
/// A save names a kind that is neither registered nor held by the store yet, without saying it means to create
/// one: most often a typo (<c>agnet</c>), which history, being append-only, would keep for ever.
/// </summary>
public sealed class UnknownKindException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The kind asked for.</param>
    /// <param name="suggestion">The nearest known kind, when one is near enough to be a likely typo.</param>
    public UnknownKindException(string kind, string? suggestion)
        : base(suggestion is null ? $"'{kind}' is not a known kind" : $"'{kind}' is not a known kind; did you mean '{suggestion}'?")
    {
        Kind = kind;
        Suggestion = suggestion;
    }

    /// <summary>The kind asked for.</summary>
    public string Kind { get; }

    /// <summary>The nearest known kind, or null.</summary>
    public string? Suggestion { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
