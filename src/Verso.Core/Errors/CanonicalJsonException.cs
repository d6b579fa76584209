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
        Reason = message;
    }

    /// <summary>The RFC 6901 pointer of the offending value, when known.</summary>
    public string? JsonPath { get; }

    /// <summary>The 1-based line of the text where it stops being JSON, for malformed JSON.</summary>
    public long? Line { get; private init; }

    /// <summary>The 1-based column (in bytes) of the text where it stops being JSON, for malformed JSON.</summary>
    public long? Column { get; private init; }

    /// <summary>What is wrong, without the position (the message with it is <see cref="Exception.Message"/>).</summary>
    public string Reason { get; private init; } = "";

    /// <summary>Text that does not parse as JSON, at a 1-based line and column.</summary>
    /// <param name="reason">What is wrong, in words.</param>
    /// <param name="line">The 1-based line, when known.</param>
    /// <param name="column">The 1-based column in bytes, when known.</param>
    /// <param name="innerException">The parser's error.</param>
    public static CanonicalJsonException Malformed(string reason, long? line, long? column, Exception? innerException = null) =>
        new(line is null ? $"invalid JSON: {reason}" : $"invalid JSON at line {line}, column {column}: {reason}", innerException: innerException)
        {
            Line = line,
            Column = line is null ? null : column,
            Reason = reason,
        };

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
