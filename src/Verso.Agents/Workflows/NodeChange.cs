using System.Text.Json.Nodes;

namespace Verso.Agents.Workflows;

/// <summary>One change to a workflow node, described by its label as well as its id.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Id">The node's id.</param>
/// <param name="Label">The node's label (its old label when it was removed or relabelled), or null when it has none.</param>
/// <param name="Old">
/// The old value: the whole node when removed, its label, type or config when those changed, its
/// <c>{"x", "y"}</c> position when moved; null when added or absent.
/// </param>
/// <param name="New">The new value, in the same shape as <paramref name="Old"/>; null when removed or absent.</param>
/// <param name="Description">The change for people, e.g. <c>node "Review" (review) moved from (100, 40) to (300, 40)</c>.</param>
public sealed record NodeChange(NodeChangeKind Kind, string Id, string? Label, JsonNode? Old, JsonNode? New, string Description)
{
    /// <inheritdoc />
    public override string ToString() => Description;
}
