using System.Text.Json.Serialization;

namespace Verso.Contracts.ChangeRequests;

/// <summary>The answer to applying a change request: the request, and the version it was saved as.</summary>
public sealed record AppliedChangeRequest
{
    /// <summary>The request, now applied.</summary>
    [JsonPropertyName("request")]
    public required ChangeRequestInfo Request { get; init; }

    /// <summary>Whether a version was written.</summary>
    [JsonPropertyName("applied")]
    public required bool Applied { get; init; }

    /// <summary>Whether the head had moved and the proposal was merged into it.</summary>
    [JsonPropertyName("merged")]
    public required bool Merged { get; init; }

    /// <summary>The version written, as a ref.</summary>
    [JsonPropertyName("ref")]
    public string? Ref { get; init; }

    /// <summary>The version written.</summary>
    [JsonPropertyName("version")]
    public int? Version { get; init; }

    /// <summary>Paths that conflicted (empty when applied).</summary>
    [JsonPropertyName("conflicts")]
    public required IReadOnlyList<string> Conflicts { get; init; }
}
