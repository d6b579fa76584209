using Verso.Errors;

namespace Verso.Files.Errors;

/// <summary>
/// A plain-text file that does not hold a record, or a name that cannot be a file: YAML that does not
/// parse or has no JSON value, a Markdown file without front matter, bytes that are not UTF-8, a path
/// that would leave its directory.
/// </summary>
public sealed class RecordFileException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">What is wrong, in words a user can act on.</param>
    /// <param name="line">The 1-based line of the file the problem is on, when known.</param>
    /// <param name="innerException">The parser's error, when there is one.</param>
    public RecordFileException(string reason, int? line = null, Exception? innerException = null)
        : base(line is null ? reason : $"line {line}: {reason}", innerException)
    {
        Reason = reason;
        Line = line;
    }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public int? Line { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
