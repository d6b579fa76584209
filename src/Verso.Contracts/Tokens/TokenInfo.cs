using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Tokens;

/// <summary>A bearer token as an admin sees it: never its secret, except once in the answer that makes it.</summary>
public sealed record TokenInfo
{
    /// <summary>The token's name, which is also the <c>saved_by</c> of what it writes.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>reader, writer or admin.</summary>
    [JsonPropertyName("role")]
    public required string Role { get; init; }

    /// <summary>The kinds it is limited to; empty for every kind.</summary>
    [JsonPropertyName("kinds")]
    public required IReadOnlyList<string> Kinds { get; init; }

    /// <summary>Whether it may write in the name of others (both names are recorded).</summary>
    [JsonPropertyName("act_as")]
    public required bool ActAs { get; init; }

    /// <summary>Whether it was revoked.</summary>
    [JsonPropertyName("revoked")]
    public required bool Revoked { get; init; }

    /// <summary>Who last changed the token (in lists only).</summary>
    [JsonPropertyName("changed_by")]
    public string? ChangedBy { get; init; }

    /// <summary>When the token last changed, UTC (in lists only).</summary>
    [JsonPropertyName("changed_at")]
    [JsonConverter(typeof(TimestampConverter))]
    public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>Only in the answer to POST /tokens, once.</summary>
    [JsonPropertyName("token")]
    public string? Token { get; init; }
}
