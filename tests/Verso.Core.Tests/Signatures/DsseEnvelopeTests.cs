using System.Collections.Immutable;
using System.Text;
using Verso.Versioning.Signatures;

namespace Verso.Core.Tests.Signatures;

public sealed class DsseEnvelopeTests
{
    [Fact]
    public void ThePreAuthenticationEncodingIsTheSpecsExample()
    {
        // secure-systems-lab/dsse protocol.md: PAE("http://example.com/HelloWorld", "hello world").
        var pae = DsseEnvelope.PreAuthenticationEncoding("http://example.com/HelloWorld", "hello world"u8);

        Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.UTF8.GetString(pae));
    }

    [Fact]
    public void LengthsAreInBytesNotCharacters()
    {
        var pae = DsseEnvelope.PreAuthenticationEncoding("tÿpe", "é"u8);

        Assert.Equal("DSSEv1 5 tÿpe 2 é", Encoding.UTF8.GetString(pae));
    }

    [Theory]
    [InlineData(SignatureAlgorithm.Ed25519)]
    [InlineData(SignatureAlgorithm.EcdsaP256)]
    public void AnEnvelopeVerifiesUnderItsKeyAndSurvivesAJsonRoundTrip(SignatureAlgorithm algorithm)
    {
        using var key = SigningKey.Generate(algorithm);
        var envelope = DsseEnvelope.Sign("application/vnd.in-toto+json", """{"a":1}"""u8, key);

        var read = DsseEnvelope.Parse(envelope.ToJson());
        read.Verify(key.PublicKey);

        Assert.Equal(key.KeyId, Assert.Single(read.Signatures).KeyId);
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(read.Payload.AsSpan()));
    }

    [Theory]
    [InlineData(SignatureAlgorithm.Ed25519)]
    [InlineData(SignatureAlgorithm.EcdsaP256)]
    public void AChangedPayloadOrPayloadTypeIsRefused(SignatureAlgorithm algorithm)
    {
        using var key = SigningKey.Generate(algorithm);
        var envelope = DsseEnvelope.Sign("application/vnd.in-toto+json", """{"a":1}"""u8, key);

        var payload = Assert.Throws<InvalidSignatureException>(() => (envelope with { Payload = [.. """{"a":2}"""u8] }).Verify(key.PublicKey));
        var type = Assert.Throws<InvalidSignatureException>(() => (envelope with { PayloadType = "text/plain" }).Verify(key.PublicKey));

        Assert.Contains("does not match the payload", payload.Message, StringComparison.Ordinal);
        Assert.Contains("does not match the payload", type.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnotherKeysSignatureIsRefusedEvenWhenItsKeyIdIsBlank()
    {
        using var signer = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        using var other = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        var envelope = DsseEnvelope.Sign("t", "x"u8, signer);
        var blank = envelope with { Signatures = [envelope.Signatures[0] with { KeyId = "" }] };

        var named = Assert.Throws<InvalidSignatureException>(() => envelope.Verify(other.PublicKey));
        Assert.Throws<InvalidSignatureException>(() => blank.Verify(other.PublicKey));
        blank.Verify(signer.PublicKey);

        Assert.Contains($"not signed by key {other.KeyId[..16]}", named.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base64UrlPayloadsAreReadAsTheSpecAsksOfReaders()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        var payload = new byte[] { 0xfb, 0xff, 0xfe };
        var envelope = DsseEnvelope.Sign("t", payload, key);
        var url = envelope.ToJson().Replace(Convert.ToBase64String(payload), Convert.ToBase64String(payload).Replace('+', '-').Replace('/', '_'), StringComparison.Ordinal);

        var read = DsseEnvelope.Parse(url);
        read.Verify(key.PublicKey);

        Assert.Equal(payload, read.Payload.ToArray());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"payloadType":"t","signatures":[]}""")]
    [InlineData("""{"payloadType":"t","payload":"%%%","signatures":[]}""")]
    public void TextThatIsNotAnEnvelopeIsOneClearError(string text)
    {
        var error = Assert.Throws<InvalidSignatureException>(() => DsseEnvelope.Parse(text));

        Assert.StartsWith("not a DSSE envelope", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AnEnvelopeWithoutSignaturesVerifiesUnderNoKey()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);
        var envelope = new DsseEnvelope("t", [.. "x"u8], ImmutableArray<DsseSignature>.Empty);

        Assert.Throws<InvalidSignatureException>(() => envelope.Verify(key.PublicKey));
    }
}
