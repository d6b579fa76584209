using Verso.Errors;

namespace Verso.Files.Git;

/// <summary>
/// Running git failed: it is not installed, or a git command exited with an error (a damaged repository,
/// a revision that does not exist, a repository git refuses to read).
/// </summary>
public sealed class GitException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed, in one line, ending with git's own message when there is one.</param>
    /// <param name="exitCode">git's exit code, or null when git did not run.</param>
    /// <param name="innerException">The underlying error, when there is one.</param>
    public GitException(string message, int? exitCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>git's exit code, or null when git did not run.</summary>
    public int? ExitCode { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Failure;
}
