using System.Text.Json.Nodes;

namespace Verso.Agents.Workflows;

/// <summary>A change to a top-level workflow field other than its nodes and edges, e.g. its version or inputs.</summary>
/// <param name="Field">The field's JSON name, e.g. <c>version</c> or <c>is_subworkflow</c>.</param>
/// <param name="Old">The old value; null when absent or a JSON null.</param>
/// <param name="New">The new value; null when absent or a JSON null.</param>
/// <param name="Description">The change for people, e.g. <c>version changed from "1.0.0" to "1.1.0"</c> or <c>inputs changed</c>.</param>
public sealed record MetadataChange(string Field, JsonNode? Old, JsonNode? New, string Description)
{
    /// <inheritdoc />
    public override string ToString() => Description;
}
