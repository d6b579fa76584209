using System.Text.Json.Serialization;

namespace Verso.Contracts.Documents;

/// <summary>The content hash of a JSON document: what <c>verso hash --json</c> prints.</summary>
public sealed record HashResult
{
    /// <summary>sha256: and the 64 lowercase hex digits of the SHA-256 of the document's canonical form.</summary>
    [JsonPropertyName("hash")]
    public required string Hash { get; init; }
}
