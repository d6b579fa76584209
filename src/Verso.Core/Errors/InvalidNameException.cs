namespace Verso.Errors;

/// <summary>A kind name, entity id, tag or ref does not follow Verso's naming rules.</summary>
public sealed class InvalidNameException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="what">What was being named, e.g. "kind" or "entity id".</param>
    /// <param name="value">The rejected text.</param>
    /// <param name="rule">The rule it broke, in words a user understands.</param>
    public InvalidNameException(string what, string value, string rule)
        : base($"invalid {what} '{value}': {rule}")
    {
        What = what;
        Value = value;
    }

    /// <summary>What was being named.</summary>
    public string What { get; }

    /// <summary>The rejected text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
