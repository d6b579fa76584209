using System.Text.Json.Nodes;

namespace Verso.Diff;

/// <summary>One change between two JSON values.</summary>
/// <param name="Path">The RFC 6901 pointer of the changed value, in the right-hand document (in the left for a removal).</param>
/// <param name="Kind">What happened.</param>
/// <param name="Old">The left value (null for an addition, or a JSON null).</param>
/// <param name="New">The right value (null for a removal, or a JSON null).</param>
public sealed record JsonChange(string Path, ChangeKind Kind, JsonNode? Old, JsonNode? New)
{
    /// <summary>For <see cref="ChangeKind.Moved"/>: the item's pointer in the left-hand document.</summary>
    public string? From { get; init; }

    /// <summary>For a modified multi-line string: the line hunks between the two texts.</summary>
    public TextDiff? Lines { get; init; }
}
