using Verso.Agents.Decisions;

namespace Verso.Files.Squad;

/// <summary>
/// One stretch of <c>decisions.md</c>: an entry (<c>### …</c> up to its last line of content) with the
/// decision read from it, or the text between entries (the title, section headings, blank lines,
/// <c>---</c> separators). Joining every part's <see cref="Text"/> in order gives back the file exactly.
/// </summary>
/// <param name="Text">The part's text, exactly as in the file.</param>
/// <param name="Decision">The decision, for an entry; null for the text between entries.</param>
public sealed record SquadDecisionPart(string Text, TeamDecision? Decision);
