using Verso.Errors;

namespace Verso.Files.Git;

/// <summary>The path given as a repository is not a git work tree, a bare repository or a <c>.git</c> directory.</summary>
public sealed class NotAGitRepositoryException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The path as the caller gave it.</param>
    /// <param name="reason">Why it is not a repository, e.g. git's message.</param>
    public NotAGitRepositoryException(string path, string reason)
        : base($"not a git repository: '{path}' ({reason})")
    {
        Path = path;
    }

    /// <summary>The path as the caller gave it.</summary>
    public string Path { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
