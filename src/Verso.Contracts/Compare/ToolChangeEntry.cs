using System.Text.Json.Serialization;

namespace Verso.Contracts.Compare;

/// <summary>One change to a tool a record declares, judged by the direction data flows through it.</summary>
public sealed record ToolChangeEntry
{
    /// <summary>The tool's name.</summary>
    [JsonPropertyName("tool")]
    public required string Tool { get; init; }

    /// <summary>Where the newer definition lives: a pointer into the record, or the tool/ID@N it references.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>The pointer in the tool object, e.g. /inputSchema/properties/city/type.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>input, output or tool (the tool itself: name, description, hints).</summary>
    [JsonPropertyName("direction")]
    public required string Direction { get; init; }

    /// <summary>What changed, e.g. type-narrowed, enum-widened, tool-removed.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>compatible, warning or breaking.</summary>
    [JsonPropertyName("level")]
    public required string Level { get; init; }

    /// <summary>The change in words.</summary>
    [JsonPropertyName("message")]
    public required string Message { get; init; }
}
