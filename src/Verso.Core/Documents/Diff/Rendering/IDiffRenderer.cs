using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Verso.Documents.Diff.Rendering;

/// <summary>
/// Turns a change list into lines for people. Kinds may bring their own (a workflow reads better as
/// "node added, edge reconnected" than as pointers); <see cref="DefaultDiffRenderer"/> fits any JSON.
/// </summary>
public interface IDiffRenderer
{
    /// <summary>Renders the changes from <paramref name="left"/> to <paramref name="right"/>.</summary>
    ImmutableArray<RenderedLine> Render(JsonNode? left, JsonNode? right, ImmutableArray<JsonChange> changes);
}
