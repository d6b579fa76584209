using System.Diagnostics;
using Verso.Versioning.Signatures;
using Verso.Testing.Support;

namespace Verso.Core.Tests.Signatures;

public sealed class SigningKeyTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData(SignatureAlgorithm.Ed25519)]
    [InlineData(SignatureAlgorithm.EcdsaP256)]
    public void KeysRoundTripThroughPemAndKeepTheirKeyId(SignatureAlgorithm algorithm)
    {
        using var key = SigningKey.Generate(algorithm);

        using var read = SigningKey.FromPem(key.ToPem());
        var publicKey = VerificationKey.FromPem(key.PublicKey.ToPem());

        Assert.Equal(algorithm, read.Algorithm);
        Assert.Equal(key.KeyId, read.KeyId);
        Assert.Equal(key.KeyId, publicKey.KeyId);
        Assert.True(publicKey.Verify("data"u8, read.Sign("data"u8)));
        Assert.False(publicKey.Verify("date"u8, read.Sign("data"u8)));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", key.ToPem(), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", key.PublicKey.ToPem(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ED25519", SignatureAlgorithm.Ed25519)]
    [InlineData("EC -pkeyopt ec_paramgen_curve:P-256", SignatureAlgorithm.EcdsaP256)]
    public void KeysMadeByOpensslAreReadAndTheirPublicHalvesAgree(string openssl, SignatureAlgorithm algorithm)
    {
        var keyPath = _directory.File("key.pem");
        Run($"genpkey -algorithm {openssl} -out {keyPath}");
        var publicPem = Run($"pkey -in {keyPath} -pubout");

        using var key = SigningKey.FromPem(File.ReadAllText(keyPath));

        Assert.Equal(algorithm, key.Algorithm);
        Assert.Equal(publicPem.Trim(), key.PublicKey.ToPem().Trim());
    }

    [Fact]
    public void AnRsaKeyIsRefusedNamingTheAlgorithmsVersoSignsWith()
    {
        var keyPath = _directory.File("rsa.pem");
        Run($"genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out {keyPath}");

        var error = Assert.Throws<InvalidKeyException>(() => SigningKey.FromPem(File.ReadAllText(keyPath)));

        Assert.Contains("use Ed25519 or ECDSA P-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APublicKeyGivenAsThePrivateOneIsRefusedSayingWhatWasExpected()
    {
        using var key = SigningKey.Generate(SignatureAlgorithm.Ed25519);

        var error = Assert.Throws<InvalidKeyException>(() => SigningKey.FromPem(key.PublicKey.ToPem()));
        var notPem = Assert.Throws<InvalidKeyException>(() => VerificationKey.FromPem("hello"));

        Assert.Contains("holds a 'PUBLIC KEY' block; expected 'PRIVATE KEY'", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not a PEM file", notPem.Message, StringComparison.Ordinal);
    }

    private static string Run(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("openssl", arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"openssl {arguments}: {error}");
        return output;
    }
}
