namespace Verso.Errors;

/// <summary>
/// An import was refused: a version it brings exists with another content, or it would leave a gap in the
/// entity's numbers (versions are gapless and never renumbered, so an import keeps numbers only when they continue).
/// </summary>
public sealed class ImportConflictException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reference">The version refused, <c>kind/id@N</c>.</param>
    /// <param name="head">The entity's head when it was refused (0: none).</param>
    /// <param name="reason">Why, in one clause.</param>
    public ImportConflictException(string reference, int head, string reason)
        : base($"import of {reference} refused: {reason}")
    {
        Ref = reference;
        Head = head;
        Reason = reason;
    }

    /// <summary>The version refused, <c>kind/id@N</c>.</summary>
    public string Ref { get; }

    /// <summary>The entity's head when it was refused (0: none).</summary>
    public int Head { get; }

    /// <summary>Why it was refused.</summary>
    public string Reason { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Conflict;
}
