using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Problems;

/// <summary>
/// An RFC 9457 problem, as every face of Verso reports an error: a stable <c>type</c> per error
/// (<c>urn:verso:problem:…</c>), a fixed <c>title</c>, the HTTP <c>status</c>, the CLI's one-line message as
/// <c>detail</c>, the request path as <c>instance</c> (absent outside HTTP), and the facts as extension
/// members after them, ordered by name.
/// </summary>
public sealed record Problem
{
    /// <summary>The problem type, a URN.</summary>
    [JsonPropertyName("type")]
    public required string Type { get; init; }

    /// <summary>A short, fixed summary of the type.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>The HTTP status.</summary>
    [JsonPropertyName("status")]
    public required int Status { get; init; }

    /// <summary>The one-line message.</summary>
    [JsonPropertyName("detail")]
    public required string Detail { get; init; }

    /// <summary>The request's path; absent where there is no request (an MCP tool's error).</summary>
    [JsonPropertyName("instance")]
    public string? Instance { get; init; }

    /// <summary>The facts (kind, id, expected, actual, …), written after the members above in this order.</summary>
    /// <remarks>Settable, not init-only: the serializer cannot bind extension data through a constructor.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extensions { get; set; }
}
