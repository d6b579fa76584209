using System.Text.Json.Serialization;

namespace Verso.Contracts.Promotion;

/// <summary>For each tag a policy guards, whether a version could carry it now.</summary>
public sealed record PromotionStatus
{
    /// <summary>The version asked about, e.g. agent/alice@4.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>Its number.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>One entry per tag a policy guards.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<TagPromotion> Items { get; init; }
}
