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
        : this(reason, line, column: null, innerException)
    {
    }

    /// <summary>Creates the exception with the 1-based line and column of the problem.</summary>
    /// <param name="reason">What is wrong, in words a user can act on.</param>
    /// <param name="line">The 1-based line of the file the problem is on, when known.</param>
    /// <param name="column">The 1-based column on that line, when known.</param>
    /// <param name="innerException">The parser's error, when there is one.</param>
    public RecordFileException(string reason, int? line, int? column, Exception? innerException = null)
        : base(line is null ? reason : column is null ? $"line {line}: {reason}" : $"line {line}, column {column}: {reason}", innerException)
    {
        Reason = reason;
        Line = line;
        Column = line is null ? null : column;
    }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column of the problem on its line, when known.</summary>
    public int? Column { get; }

    /// <summary>The problem as a compiler names one, <c>FILE:LINE:COLUMN: reason</c>, for a file the user named.</summary>
    /// <param name="file">The file as the user wrote it.</param>
    public string InFile(string file) => Line is null ? $"{file}: {Reason}" : Column is null ? $"{file}:{Line}: {Reason}" : $"{file}:{Line}:{Column}: {Reason}";

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
