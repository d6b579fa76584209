using System.Text.Json.Serialization;

namespace Verso.Contracts.Admin;

/// <summary>What a prune did, or would do on a dry run.</summary>
public sealed record PruneResult
{
    /// <summary>Whether nothing was changed.</summary>
    [JsonPropertyName("dry_run")]
    public required bool DryRun { get; init; }

    /// <summary>How many versions lost (or would lose) their content.</summary>
    [JsonPropertyName("versions")]
    public required int Versions { get; init; }

    /// <summary>Each entity with versions pruned.</summary>
    [JsonPropertyName("entities")]
    public required IReadOnlyList<PrunedEntity> Entities { get; init; }
}
