namespace Verso.Errors;

/// <summary>
/// The input is not JSON that has a canonical form: malformed JSON, invalid UTF-8, a lone surrogate,
/// a duplicate property name, a number outside the double range, or nesting deeper than allowed.
/// </summary>
public sealed class CanonicalJsonException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="jsonPath">The RFC 6901 pointer of the offending value, when known.</param>
    /// <param name="innerException">The parser's error, when there is one.</param>
    public CanonicalJsonException(string message, string? jsonPath = null, Exception? innerException = null)
        : base(jsonPath is null ? message : $"{message} at {(jsonPath.Length == 0 ? "the top level" : jsonPath)}", innerException)
    {
        JsonPath = jsonPath;
    }

    /// <summary>The RFC 6901 pointer of the offending value, when known.</summary>
    public string? JsonPath { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
