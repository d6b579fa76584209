using System.Text.Json.Serialization;

namespace Verso.Contracts.Signatures;

/// <summary>One signature of a DSSE envelope.</summary>
public sealed record DsseSignatureDocument
{
    /// <summary>The SHA-256 of the signer's public key (SPKI DER), hex.</summary>
    [JsonPropertyName("keyid")]
    public required string KeyId { get; init; }

    /// <summary>The signature over the PAE, base64.</summary>
    [JsonPropertyName("sig")]
    public required string Sig { get; init; }
}
