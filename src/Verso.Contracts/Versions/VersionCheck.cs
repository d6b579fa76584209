using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>A check result as <c>verso show</c> and <c>verso log</c> list it beside a version.</summary>
public sealed record VersionCheck
{
    /// <summary>The check's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>pass or fail.</summary>
    [JsonPropertyName("result")]
    public required string Result { get; init; }

    /// <summary>Who recorded it.</summary>
    [JsonPropertyName("by")]
    public required string By { get; init; }

    /// <summary>When it was recorded, UTC.</summary>
    [JsonPropertyName("at")]
    [JsonConverter(typeof(TimestampConverter))]
    public required DateTimeOffset At { get; init; }

    /// <summary>The version checked, <c>kind/id@N</c>.</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>The content hash of the version checked.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }

    /// <summary>Where the check's own report is, when given.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>A short message, when given.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
