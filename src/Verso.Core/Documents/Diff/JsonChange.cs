using System.Text.Json.Nodes;

namespace Verso.Documents.Diff;

/// <summary>One change between two JSON values.</summary>
/// <param name="Path">
/// The RFC 6901 pointer of the changed value in the right-hand document. A removed value is not there:
/// its path is its parent's right-hand path with its member name, or with its left-hand index for an
/// array item (at the top level, simply its pointer in the left-hand document).
/// </param>
/// <param name="Kind">What happened.</param>
/// <param name="Old">The left value (null for an addition, or a JSON null); for a move, the item as it was.</param>
/// <param name="New">The right value (null for a removal, or a JSON null); for a move, the item as it is.</param>
public sealed record JsonChange(string Path, ChangeKind Kind, JsonNode? Old, JsonNode? New)
{
    /// <summary>
    /// For <see cref="ChangeKind.Moved"/>: where the item was — the array's right-hand path with the
    /// item's left-hand index (at the top level, simply its pointer in the left-hand document).
    /// </summary>
    public string? From { get; init; }

    /// <summary>For a modified multi-line string: the line hunks between the two texts.</summary>
    public TextDiff? Lines { get; init; }
}
