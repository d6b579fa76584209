using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.ChangeRequests;

/// <summary>
/// A change request as its readers see it: what the API answers and <c>verso --json</c> prints for propose, crs,
/// cr, review and apply, and the MCP tools return. (The record its state is stored as is another shape.)
/// </summary>
public sealed record ChangeRequestInfo
{
    /// <summary>The request's id, e.g. cr-3.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>kind/id of the entity it would change.</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    /// <summary>The version the proposal was written against (0: a new entity).</summary>
    [JsonPropertyName("base_version")]
    public required int BaseVersion { get; init; }

    /// <summary>The base version's hash; absent for a new entity.</summary>
    [JsonPropertyName("base_hash")]
    public string? BaseHash { get; init; }

    /// <summary>The proposed record, as stored.</summary>
    [JsonPropertyName("proposal")]
    public required RawJson Proposal { get; init; }

    /// <summary>Who proposed it.</summary>
    [JsonPropertyName("author")]
    public required ActorInfo Author { get; init; }

    /// <summary>Why, when the author said.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>open, approved, rejected, applied, withdrawn or stale.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The revision of the proposal (each update is one more).</summary>
    [JsonPropertyName("revision")]
    public required int Revision { get; init; }

    /// <summary>Who approves the current revision, as the rules count them: each person once, by the identity used.</summary>
    [JsonPropertyName("approvers")]
    public required IReadOnlyList<string> Approvers { get; init; }

    /// <summary>Every review, oldest first.</summary>
    [JsonPropertyName("reviews")]
    public required IReadOnlyList<ReviewInfo> Reviews { get; init; }

    /// <summary>Paths where the proposal conflicts with the head (a stale request).</summary>
    [JsonPropertyName("conflicts")]
    public required IReadOnlyList<string> Conflicts { get; init; }

    /// <summary>The version it was applied as; absent until applied.</summary>
    [JsonPropertyName("applied_version")]
    public int? AppliedVersion { get; init; }

    /// <summary>The version of the request itself, counting every change to it.</summary>
    [JsonPropertyName("version")]
    public required int Version { get; init; }

    /// <summary>When it last changed, UTC.</summary>
    [JsonPropertyName("updated_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset UpdatedAt { get; init; }
}
