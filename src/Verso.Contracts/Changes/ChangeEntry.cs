using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Changes;

/// <summary>One new version in the change feed, in store order: a JSON page's item and a Server-Sent Event's data.</summary>
public sealed record ChangeEntry
{
    /// <summary>The store's sequence number of the change (an event's id).</summary>
    [JsonPropertyName("seq")]
    public required long Seq { get; init; }

    /// <summary>The version's ref.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The entity id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The version number.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>The content hash.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    /// <summary>Who saved it.</summary>
    [JsonPropertyName("saved_by")]
    public required string SavedBy { get; init; }

    /// <summary>When, UTC.</summary>
    [JsonPropertyName("saved_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>save, force, rollback, merge, import or erase.</summary>
    [JsonPropertyName("operation")]
    public required string Operation { get; init; }
}
