using System.Text.Json.Serialization;

namespace Verso.Contracts.Tokens;

/// <summary>A request to make a token.</summary>
public sealed record TokenRequest
{
    /// <summary>The new token's name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>reader, writer or admin.</summary>
    [JsonPropertyName("role")]
    public required string Role { get; init; }

    /// <summary>The kinds it is limited to; absent or empty for every kind.</summary>
    [JsonPropertyName("kinds")]
    public IReadOnlyList<string>? Kinds { get; init; }

    /// <summary>Whether it may write in the name of others.</summary>
    [JsonPropertyName("act_as")]
    public bool? ActAs { get; init; }
}
