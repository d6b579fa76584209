using System.Text.Json.Serialization;

namespace Verso.Contracts.Checks;

/// <summary>A request to record a check result on a version.</summary>
public sealed record CheckRequest
{
    /// <summary>The check's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>pass or fail.</summary>
    [JsonPropertyName("result")]
    public required string Result { get; init; }

    /// <summary>Where the check's own report is.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>A short message.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>Who records it, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
