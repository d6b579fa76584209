using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Verso.Versioning.Signatures;

/// <summary>
/// A DSSE envelope (secure-systems-lab/dsse, v1.0): a payload, its type, and signatures over the payload's
/// pre-authentication encoding — the format in-toto attestations and cosign use, so Verso's signed documents can be
/// checked with their tools. The signature never covers the JSON around the payload, only the PAE, so re-indenting an
/// envelope does not break it while any change to the payload or its type does.
/// </summary>
public sealed record DsseEnvelope(string PayloadType, ImmutableArray<byte> Payload, ImmutableArray<DsseSignature> Signatures)
{
    /// <summary>The media type of an envelope file.</summary>
    public const string MediaType = "application/vnd.dsse.envelope.v1+json";

    /// <summary>The payload type of an in-toto statement.</summary>
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary>
    /// DSSE's pre-authentication encoding: <c>"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>, each LEN the
    /// byte length in ASCII decimal. Binding the type stops a payload signed as one type being read as another.
    /// </summary>
    public static byte[] PreAuthenticationEncoding(string payloadType, ReadOnlySpan<byte> payload)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        var type = Encoding.UTF8.GetBytes(payloadType);
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"DSSEv1 {type.Length} "));
        var middle = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $" {payload.Length} "));
        return [.. head, .. type, .. middle, .. payload];
    }

    /// <summary>Signs a payload into a new envelope with one signature.</summary>
    public static DsseEnvelope Sign(string payloadType, ReadOnlySpan<byte> payload, SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var signature = key.Sign(PreAuthenticationEncoding(payloadType, payload));
        return new DsseEnvelope(payloadType, [.. payload], [new DsseSignature(key.KeyId, signature)]);
    }

    /// <summary>
    /// Checks that the envelope carries a valid signature by <paramref name="key"/> over its payload and type.
    /// Signatures naming another key id are skipped; one with no key id is tried.
    /// </summary>
    /// <exception cref="InvalidSignatureException">No signature verifies under the key.</exception>
    public void Verify(VerificationKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var pae = PreAuthenticationEncoding(PayloadType, Payload.AsSpan());
        var candidates = Signatures.Where(s => s.KeyId.Length == 0 || string.Equals(s.KeyId, key.KeyId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (candidates.Count == 0)
        {
            throw new InvalidSignatureException($"not signed by key {key.KeyId[..16]}…: the envelope's signatures are by {string.Join(", ", Signatures.Select(s => s.KeyId.Length == 0 ? "(no key id)" : s.KeyId[..Math.Min(16, s.KeyId.Length)] + "…"))}");
        }

        if (!candidates.Any(s => key.Verify(pae, s.Signature)))
        {
            throw new InvalidSignatureException($"the signature does not match the payload under key {key.KeyId[..16]}…: the envelope was changed after it was signed, or signed by another key");
        }
    }

    /// <summary>The envelope as JSON (standard base64 with padding, as the DSSE spec's examples).</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("payloadType", PayloadType);
            writer.WriteString("payload", Convert.ToBase64String(Payload.AsSpan()));
            writer.WriteStartArray("signatures");
            foreach (var signature in Signatures)
            {
                writer.WriteStartObject();
                writer.WriteString("keyid", signature.KeyId);
                writer.WriteString("sig", Convert.ToBase64String(signature.Signature));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Reads an envelope's JSON; accepts base64 and base64url, as the spec asks of readers.</summary>
    /// <exception cref="InvalidSignatureException">The text is not a DSSE envelope.</exception>
    public static DsseEnvelope Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            var type = root.GetProperty("payloadType").GetString() ?? throw new FormatException("payloadType is null");
            var payload = Base64(root.GetProperty("payload").GetString());
            var signatures = root.GetProperty("signatures").EnumerateArray()
                .Select(s => new DsseSignature(
                    s.TryGetProperty("keyid", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : "",
                    Base64(s.GetProperty("sig").GetString())))
                .ToImmutableArray();
            return new DsseEnvelope(type, [.. payload], signatures);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidSignatureException($"not a DSSE envelope ({MediaType}): {exception.Message.Split('\n')[0]}");
        }
    }

    private static byte[] Base64(string? text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var standard = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(standard.PadRight(standard.Length + ((4 - (standard.Length % 4)) % 4), '='));
    }
}
