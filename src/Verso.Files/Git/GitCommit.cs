using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>One commit as an import records it.</summary>
/// <param name="Id">The full commit id.</param>
/// <param name="Parents">The parents' full ids, first parent first; empty for a root commit.</param>
/// <param name="AuthorName">The author's name, as recorded (no .mailmap applied).</param>
/// <param name="AuthorEmail">The author's email, as recorded.</param>
/// <param name="AuthorDate">The author date in UTC, to the second.</param>
/// <param name="Subject">The subject: the message's first paragraph, on one line.</param>
public sealed record GitCommit(
    string Id,
    ImmutableArray<string> Parents,
    string AuthorName,
    string AuthorEmail,
    DateTimeOffset AuthorDate,
    string Subject)
{
    /// <summary>The author as <c>Name &lt;email&gt;</c>, the saved_by of the versions this commit creates.</summary>
    public string Author => $"{AuthorName} <{AuthorEmail}>";

    /// <summary>Whether it merges two or more parents.</summary>
    public bool IsMerge => Parents.Length > 1;
}
