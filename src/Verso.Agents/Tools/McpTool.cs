using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verso.Agents.Tools;

/// <summary>
/// An MCP Tool object (kind <c>tool</c>, and inline in an agent's or a tool policy's <c>definitions</c>),
/// with MCP's own member names. Required: <see cref="Name"/>, <see cref="InputSchema"/>.
/// </summary>
public sealed record McpTool
{
    /// <summary>Required. The name callers call the tool by; also the entity id of a <c>tool</c> record.</summary>
    public required string Name { get; init; }

    /// <summary>Optional. A display name for people.</summary>
    public string? Title { get; init; }

    /// <summary>Optional. What the tool does, for the model and for people.</summary>
    public string? Description { get; init; }

    /// <summary>Required. The JSON Schema (2020-12) of the arguments: an object schema.</summary>
    [JsonPropertyName("inputSchema")]
    public required JsonElement InputSchema { get; init; }

    /// <summary>Optional. The JSON Schema of the structured result.</summary>
    [JsonPropertyName("outputSchema")]
    public JsonElement? OutputSchema { get; init; }

    /// <summary>Optional. Hints for clients: <c>title</c>, <c>readOnlyHint</c>, <c>destructiveHint</c>, <c>idempotentHint</c>, <c>openWorldHint</c>.</summary>
    public JsonElement? Annotations { get; init; }

    /// <summary>Optional. Icons for people.</summary>
    public ImmutableList<JsonElement>? Icons { get; init; }

    /// <summary>Optional. MCP's reserved metadata member.</summary>
    [JsonPropertyName("_meta")]
    public JsonElement? Meta { get; init; }
}
