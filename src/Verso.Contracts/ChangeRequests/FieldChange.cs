using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Verso.Contracts.ChangeRequests;

/// <summary>One changed field of a proposal, in a change request's detail: both sides always written, null where absent.</summary>
public sealed record FieldChange
{
    /// <summary>The JSON pointer of the field.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>added, removed, modified or moved.</summary>
    [JsonPropertyName("change")]
    public required string Change { get; init; }

    /// <summary>The value before; null when added.</summary>
    [JsonPropertyName("old")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required JsonNode? Old { get; init; }

    /// <summary>The value proposed; null when removed.</summary>
    [JsonPropertyName("new")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required JsonNode? New { get; init; }
}
