namespace Verso.Agents.Decisions;

/// <summary>
/// A decision a team wrote down in prose (kind <c>decision</c>), such as an entry of Squad's
/// <c>decisions.md</c> or a file of its decision inbox. <see cref="Text"/> keeps the words exactly as
/// written; the other fields are read from them for listing and search. A record with a <c>text</c> member
/// is a team decision; one without is a review <see cref="DecisionRecord"/>.
/// </summary>
public sealed record TeamDecision
{
    /// <summary>Required. The entity id, e.g. <c>2026-11-01-use-postgres</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Required. The decision's title.</summary>
    public required string Title { get; init; }

    /// <summary>Optional. The day it was decided, <c>YYYY-MM-DD</c>.</summary>
    public string? Date { get; init; }

    /// <summary>Optional. Who decided, as written.</summary>
    public string? By { get; init; }

    /// <summary>Required. The decision as written, byte for byte (line endings and all).</summary>
    public required string Text { get; init; }

    /// <summary>
    /// Optional. The charter of the agent who took the decision, as it was in force then, when it is known
    /// (a git import pins it as of the commit that brought the decision in).
    /// </summary>
    public System.Collections.Immutable.ImmutableList<PinnedCharter>? PinnedCharters { get; init; }

    /// <summary>
    /// Whether a <c>decision</c> record is a team decision: it has a <c>text</c> member, which a review
    /// decision never has. The one rule validation and imports both go by.
    /// </summary>
    public static bool IsOne(System.Text.Json.JsonElement record) =>
        record.ValueKind == System.Text.Json.JsonValueKind.Object && record.TryGetProperty("text", out _);
}
