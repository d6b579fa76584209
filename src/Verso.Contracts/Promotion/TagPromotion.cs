using System.Text.Json.Serialization;

namespace Verso.Contracts.Promotion;

/// <summary>Whether a version could carry one policy-guarded tag now, and when not, which rule refuses and what would satisfy it.</summary>
public sealed record TagPromotion
{
    /// <summary>The tag.</summary>
    [JsonPropertyName("tag")]
    public required string Tag { get; init; }

    /// <summary>The policy version that guards the tag, e.g. policy/tag.production@1.</summary>
    [JsonPropertyName("policy")]
    public required string Policy { get; init; }

    /// <summary>The checks the policy requires.</summary>
    [JsonPropertyName("required_checks")]
    public required IReadOnlyList<string> RequiredChecks { get; init; }

    /// <summary>Whether a failing check moves the tag back.</summary>
    [JsonPropertyName("rollback_tag_on_fail")]
    public required bool RollbackTagOnFail { get; init; }

    /// <summary>Whether a tag move to this version would be allowed now.</summary>
    [JsonPropertyName("promotable")]
    public required bool Promotable { get; init; }

    /// <summary>The required checks whose newest result is not a pass.</summary>
    [JsonPropertyName("unmet")]
    public required IReadOnlyList<UnmetCheck> Unmet { get; init; }

    /// <summary>When not promotable: the rule that would refuse (required_checks).</summary>
    [JsonPropertyName("rule")]
    public string? Rule { get; init; }

    /// <summary>When not promotable: why.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>What would satisfy the rule.</summary>
    [JsonPropertyName("remedy")]
    public string? Remedy { get; init; }
}
