using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Checks;

/// <summary>One check result recorded on a version: what was checked, by whom, when, and where to read more.</summary>
public sealed record CheckInfo
{
    /// <summary>kind/id@version checked.</summary>
    [JsonPropertyName("target")]
    public required string Target { get; init; }

    /// <summary>The check's name (e.g. <c>evals</c>).</summary>
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

    /// <summary>Where the check's own report is, when given.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    /// <summary>A short message, when given.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
