using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Promotion;

/// <summary>A required check whose newest result is not a pass.</summary>
public sealed record UnmetCheck
{
    /// <summary>The check's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>fail, or null when no result was recorded.</summary>
    [JsonPropertyName("result")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Result { get; init; }

    /// <summary>Who recorded the newest result.</summary>
    [JsonPropertyName("by")]
    public string? By { get; init; }

    /// <summary>When, UTC.</summary>
    [JsonPropertyName("at")]
    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? At { get; init; }
}
