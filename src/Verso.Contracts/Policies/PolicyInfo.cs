using System.Text.Json.Serialization;

namespace Verso.Contracts.Policies;

/// <summary>A policy in force for an entity: how changes reach it, and what a tag needs of the versions it points at.</summary>
public sealed record PolicyInfo
{
    /// <summary>The policy version in force, as a ref.</summary>
    [JsonPropertyName("policy")]
    public required string Policy { get; init; }

    /// <summary>What the policy covers.</summary>
    [JsonPropertyName("scope")]
    public required string Scope { get; init; }

    /// <summary>Approvals needed from distinct people other than the author; 0 for none.</summary>
    [JsonPropertyName("approvals")]
    public required int Approvals { get; init; }

    /// <summary>When present, only approvals by members of <c>group/NAME</c> count.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; init; }

    /// <summary>Whether saves, rollbacks and imports may change the entity without a change request.</summary>
    [JsonPropertyName("direct_saves")]
    public required bool DirectSaves { get; init; }

    /// <summary>The checks whose newest result on a version must be a pass before the tag may point at it.</summary>
    [JsonPropertyName("required_checks")]
    public required IReadOnlyList<string> RequiredChecks { get; init; }

    /// <summary>Whether a failing check on the tagged version moves the tag back to the newest earlier passing version.</summary>
    [JsonPropertyName("rollback_tag_on_fail")]
    public required bool RollbackTagOnFail { get; init; }
}
