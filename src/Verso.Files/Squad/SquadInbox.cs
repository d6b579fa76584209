using Verso.Agents.Decisions;
using Verso.Files.Errors;
using Verso.Files.Text;

namespace Verso.Files.Squad;

/// <summary>
/// Reads a file of Squad's decision inbox (<c>decisions/inbox/&lt;agent&gt;-&lt;slug&gt;.md</c>): the whole
/// file is one decision, kept exactly as written; its title, date and author are read from its first
/// heading and its <c>**Date:**</c> and <c>**By:**</c> lines. Its id is <c>inbox-&lt;slug of the file name&gt;</c>,
/// so re-importing the same file names the same decision.
/// </summary>
public static class SquadInbox
{
    /// <summary>The decision in inbox file <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The file's name, e.g. <c>ripley-cors-policy.md</c>.</param>
    /// <param name="utf8">The file's bytes.</param>
    /// <param name="taken">Ids already used; the decision's id is made unique against them and added.</param>
    /// <exception cref="RecordFileException">The name cannot be a file name on every system, or the bytes are not UTF-8.</exception>
    public static TeamDecision Parse(string fileName, ReadOnlySpan<byte> utf8, ISet<string>? taken = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (!IsFileName(fileName))
        {
            throw new RecordFileException($"'{fileName}' cannot be an inbox file name: a portable name ending in .md, not hidden");
        }

        var stem = fileName[..^".md".Length];
        return SquadDecisionLog.Read(Utf8Text.Decode(utf8), taken ?? new HashSet<string>(StringComparer.Ordinal), fallbackTitle: stem, idPrefix: IdOf(fileName));
    }

    /// <summary>The decision id an inbox file gets (before it is made unique): <c>inbox-</c> and the slug of its name.</summary>
    public static string IdOf(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var stem = fileName.EndsWith(".md", StringComparison.Ordinal) ? fileName[..^".md".Length] : fileName;
        return "inbox-" + (Slug.Of(stem) is { Length: > 0 } slug ? slug : "decision");
    }

    /// <summary>Whether <paramref name="fileName"/> can be an inbox file: a portable file name ending in <c>.md</c>.</summary>
    public static bool IsFileName(string fileName) =>
        SafeName.IsSegment(fileName) && fileName.EndsWith(".md", StringComparison.Ordinal) && fileName.Length > ".md".Length;
}
