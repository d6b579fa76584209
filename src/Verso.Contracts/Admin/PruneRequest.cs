using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Admin;

/// <summary>A request to drop the content of old versions, keeping heads, tagged and pinned versions.</summary>
public sealed record PruneRequest
{
    /// <summary>The most days <see cref="KeepDays"/> takes: a hundred years (what Verso.Storage.Retention.RetentionPolicy allows).</summary>
    public const int MaxKeepDays = 36_500;

    /// <summary>kind/id; every entity when left out.</summary>
    [JsonPropertyName("entity")]
    public string? Entity { get; init; }

    /// <summary>Keep the content of the newest N versions of each entity.</summary>
    [JsonPropertyName("keep")]
    [Range(1, int.MaxValue)]
    public required int Keep { get; init; }

    /// <summary>Also keep the content of versions saved in the last D days.</summary>
    [JsonPropertyName("keep_days")]
    [Range(0, MaxKeepDays)]
    public int? KeepDays { get; init; }

    /// <summary>Why; shown wherever pruned content is read.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Only list what would be pruned.</summary>
    [JsonPropertyName("dry_run")]
    public bool? DryRun { get; init; }

    /// <summary>Who prunes, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
