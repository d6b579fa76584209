using Verso.Errors;

namespace Verso.Files.Git;

/// <summary>A path glob cannot be used: it is empty, absolute, names a folder, or is malformed.</summary>
public sealed class InvalidGlobException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="pattern">The rejected glob.</param>
    /// <param name="reason">What is wrong with it, in words a user can act on.</param>
    public InvalidGlobException(string pattern, string reason)
        : base($"invalid path glob '{pattern}': {reason}")
    {
        Pattern = pattern;
    }

    /// <summary>The rejected glob.</summary>
    public string Pattern { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
