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
