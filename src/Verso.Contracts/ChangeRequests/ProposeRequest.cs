using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Verso.Contracts.ChangeRequests;

/// <summary>A request to propose a record for an entity without changing it.</summary>
public sealed record ProposeRequest
{
    /// <summary>The entity's kind.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The entity's id.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The proposed record.</summary>
    [JsonPropertyName("record")]
    public required JsonObject Record { get; init; }

    /// <summary>Why.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The version the proposal was made against; the head when left out.</summary>
    [JsonPropertyName("base_version")]
    [Range(0, int.MaxValue)]
    public int? BaseVersion { get; init; }

    /// <summary>Whom an act-as token acts for; who proposes, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
