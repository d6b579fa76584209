using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>
/// What every answer about one version says of it: where it is (ref, kind, id, number, hash), who saved it, when
/// and how, and where it came from. The answers that add to it (content, checks) derive from it; its members
/// come first whatever derives (their order is fixed, as Verso always wrote them).
/// </summary>
public record VersionMetadata
{
    /// <summary>The version's ref, e.g. <c>agent/alice@3</c>.</summary>
    [JsonPropertyName("ref")]
    [JsonPropertyOrder(-20)]
    public required string Ref { get; init; }

    /// <summary>The kind.</summary>
    [JsonPropertyName("kind")]
    [JsonPropertyOrder(-19)]
    public required string Kind { get; init; }

    /// <summary>The entity id.</summary>
    [JsonPropertyName("id")]
    [JsonPropertyOrder(-18)]
    public required string Id { get; init; }

    /// <summary>The version number, from 1.</summary>
    [JsonPropertyName("version")]
    [JsonPropertyOrder(-17)]
    public required int Version { get; init; }

    /// <summary>The content hash, <c>sha256:</c> and 64 hex digits.</summary>
    [JsonPropertyName("hash")]
    [JsonPropertyOrder(-16)]
    public required string Hash { get; init; }

    /// <summary>Who saved it (for an act-as token: <c>operator (via token)</c>).</summary>
    [JsonPropertyName("saved_by")]
    [JsonPropertyOrder(-15)]
    public required string SavedBy { get; init; }

    /// <summary>When it was saved, UTC.</summary>
    [JsonPropertyName("saved_at")]
    [JsonPropertyOrder(-14)]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>Why, as the saver said; null when nothing was said.</summary>
    [JsonPropertyName("message")]
    [JsonPropertyOrder(-13)]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public required string? Message { get; init; }

    /// <summary>save, force, rollback, merge, import or erase.</summary>
    [JsonPropertyName("operation")]
    [JsonPropertyOrder(-12)]
    public required string Operation { get; init; }

    /// <summary>The schema version of its kind the record was saved under.</summary>
    [JsonPropertyName("schema_version")]
    [JsonPropertyOrder(-11)]
    public required int SchemaVersion { get; init; }

    /// <summary>For a rollback: the version whose content it restores.</summary>
    [JsonPropertyName("revert_of")]
    [JsonPropertyOrder(-10)]
    public int? RevertOf { get; init; }

    /// <summary>Where it came from when not from a plain save: a git import or an applied change request.</summary>
    [JsonPropertyName("source")]
    [JsonPropertyOrder(-9)]
    public VersionSourceInfo? Source { get; init; }

    /// <summary>When its content was pruned or erased: by whom, when and why.</summary>
    [JsonPropertyName("removed")]
    [JsonPropertyOrder(-8)]
    public RemovalInfo? Removed { get; init; }
}
