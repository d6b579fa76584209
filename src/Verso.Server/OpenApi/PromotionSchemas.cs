namespace Verso.Server.OpenApi;

#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class PromotionStatus
{
    /// <summary>The version asked about, e.g. agent/alice@4.</summary>
    public required string Ref { get; init; }
    public required int Version { get; init; }

    /// <summary>One entry per tag a policy guards.</summary>
    public required IReadOnlyList<TagPromotion> Items { get; init; }
}

internal sealed class TagPromotion
{
    public required string Tag { get; init; }

    /// <summary>The policy version that guards the tag, e.g. policy/tag.production@1.</summary>
    public required string Policy { get; init; }
    public required IReadOnlyList<string> RequiredChecks { get; init; }
    public required bool RollbackTagOnFail { get; init; }

    /// <summary>Whether a tag move to this version would be allowed now.</summary>
    public required bool Promotable { get; init; }

    /// <summary>The required checks whose newest result is not a pass.</summary>
    public required IReadOnlyList<UnmetCheck> Unmet { get; init; }

    /// <summary>When not promotable: the rule that would refuse (required_checks).</summary>
    public string? Rule { get; init; }
    public string? Reason { get; init; }

    /// <summary>What would satisfy the rule.</summary>
    public string? Remedy { get; init; }
}

internal sealed class UnmetCheck
{
    public required string Name { get; init; }

    /// <summary>fail, or null when no result was recorded.</summary>
    public required string? Result { get; init; }
    public string? By { get; init; }
    public DateTimeOffset? At { get; init; }
}
