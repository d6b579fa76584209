using System.Text.Json.Serialization;

namespace Verso.Contracts.Rollouts;

/// <summary>Rollouts: every version of one label's, newest first, or the newest of each label of an entity.</summary>
public sealed record RolloutHistory
{
    /// <summary>The rollouts.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<RolloutInfo> Items { get; init; }
}
