using System.Text.Json.Nodes;

namespace Verso.Agents.Workflows;

/// <summary>One change to a workflow edge, described by the labels of the nodes it connects.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Id">The edge's id.</param>
/// <param name="Old">
/// The old value: the whole edge when removed or reconnected, its type or label when those changed; null
/// when added or absent.
/// </param>
/// <param name="New">The new value, in the same shape as <paramref name="Old"/>; null when removed or absent.</param>
/// <param name="Description">The change for people, e.g. <c>edge "Plan" → "Implement" (e1) reconnected to "Plan" → "Review"</c>.</param>
public sealed record EdgeChange(EdgeChangeKind Kind, string Id, JsonNode? Old, JsonNode? New, string Description)
{
    /// <inheritdoc />
    public override string ToString() => Description;
}
