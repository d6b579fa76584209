using System.Text.Json.Serialization;

namespace Verso.Contracts.Compare;

/// <summary>Whether a task run under one version can be replayed under another, and why.</summary>
public sealed record CompatVerdict
{
    /// <summary>identical, compatible, warning (a tool change could not be decided) or breaking.</summary>
    [JsonPropertyName("verdict")]
    public required string Verdict { get; init; }

    /// <summary>The changes that can change behaviour.</summary>
    [JsonPropertyName("differences")]
    public required IReadOnlyList<Change> Differences { get; init; }

    /// <summary>The changes that cannot (the kind's diff rules call them cosmetic).</summary>
    [JsonPropertyName("cosmetic")]
    public required IReadOnlyList<Change> Cosmetic { get; init; }

    /// <summary>Each change to a tool the record declares (MCP tool schemas judged by direction).</summary>
    [JsonPropertyName("tool_changes")]
    public required IReadOnlyList<ToolChangeEntry> ToolChanges { get; init; }
}
