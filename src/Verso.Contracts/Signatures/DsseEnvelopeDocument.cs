using System.Text.Json.Serialization;

namespace Verso.Contracts.Signatures;

/// <summary>A DSSE envelope (application/vnd.dsse.envelope.v1+json); its names are the DSSE spec's, not snake_case.</summary>
public sealed record DsseEnvelopeDocument
{
    /// <summary>application/vnd.in-toto+json: the payload is an in-toto Statement v1.</summary>
    [JsonPropertyName("payloadType")]
    public required string PayloadType { get; init; }

    /// <summary>The statement, base64.</summary>
    [JsonPropertyName("payload")]
    public required string Payload { get; init; }

    /// <summary>The signatures over the PAE of the payload.</summary>
    [JsonPropertyName("signatures")]
    public required IReadOnlyList<DsseSignatureDocument> Signatures { get; init; }
}
