using System.Text.Json.Serialization;

namespace Verso.Contracts.Policies;

/// <summary>The policies in force for an entity.</summary>
public sealed record PolicyList
{
    /// <summary>The policies, in the order they apply.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<PolicyInfo> Items { get; init; }
}
