using System.Text.Json.Serialization;

namespace Verso.Server.OpenApi;

#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

/// <summary>A DSSE envelope (application/vnd.dsse.envelope.v1+json); its names are the DSSE spec's, not snake_case.</summary>
internal sealed class DsseEnvelopeDocument
{
    /// <summary>application/vnd.in-toto+json: the payload is an in-toto Statement v1.</summary>
    [JsonPropertyName("payloadType")]
    public required string PayloadType { get; init; }

    /// <summary>The statement, base64.</summary>
    [JsonPropertyName("payload")]
    public required string Payload { get; init; }

    [JsonPropertyName("signatures")]
    public required IReadOnlyList<DsseSignatureDocument> Signatures { get; init; }
}

internal sealed class DsseSignatureDocument
{
    /// <summary>The SHA-256 of the signer's public key (SPKI DER), hex.</summary>
    [JsonPropertyName("keyid")]
    public required string KeyId { get; init; }

    /// <summary>The signature over the PAE, base64.</summary>
    [JsonPropertyName("sig")]
    public required string Sig { get; init; }
}

internal sealed class TagSignatures
{
    /// <summary>The key id events must be signed by now; null when the store does not sign events.</summary>
    public string? SigningKey { get; init; }

    /// <summary>Each move of the tag, oldest first.</summary>
    public required IReadOnlyList<TagMoveSignature> Moves { get; init; }
}

internal sealed class TagMoveSignature
{
    public required int ToVersion { get; init; }
    public required DateTimeOffset MovedAt { get; init; }

    /// <summary>The key id whose signature of this move verifies; null when unsigned or not verifying.</summary>
    public string? SignedBy { get; init; }
}
