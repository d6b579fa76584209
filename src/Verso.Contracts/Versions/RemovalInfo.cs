using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>Why a version's content is gone: pruned or erased, by whom, when and why.</summary>
public sealed record RemovalInfo
{
    /// <summary>pruned or erased.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Who removed it.</summary>
    [JsonPropertyName("by")]
    public required string By { get; init; }

    /// <summary>When, UTC.</summary>
    [JsonPropertyName("at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset At { get; init; }

    /// <summary>Why, as the remover said; null when nothing was said.</summary>
    [JsonPropertyName("reason")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Reason { get; init; }
}
