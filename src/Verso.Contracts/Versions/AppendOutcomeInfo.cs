using System.Text.Json.Serialization;

namespace Verso.Contracts.Versions;

/// <summary>What a save or a rollback did: <c>created</c> a version or left the head <c>unchanged</c>, and the head.</summary>
public sealed record AppendOutcomeInfo
{
    /// <summary>created or unchanged.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The head's ref.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The entity id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The head's version number.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>The head's content hash.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    /// <summary>For a rollback: the version whose content was restored.</summary>
    [JsonPropertyName("revert_of")]
    public int? RevertOf { get; init; }

    /// <summary>Whether a version was created.</summary>
    [JsonIgnore]
    public bool Created => Status == "created";
}
