using System.Security.Cryptography;
using NSec.Cryptography;

namespace Verso.Versioning.Signatures;

/// <summary>
/// A private key that signs, read from or written as a PEM PKCS#8 file (<c>-----BEGIN PRIVATE KEY-----</c>), the form
/// <c>openssl genpkey</c> writes, so keys made by either tool work in the other.
/// </summary>
public sealed class SigningKey : IDisposable
{
    private readonly Key? _ed25519;
    private readonly ECDsa? _ecdsa;

    private SigningKey(Key ed25519)
    {
        Algorithm = SignatureAlgorithm.Ed25519;
        _ed25519 = ed25519;
        PublicKey = VerificationKey.FromSubjectPublicKeyInfo(Algorithm, ed25519.PublicKey.Export(KeyBlobFormat.PkixPublicKey));
    }

    private SigningKey(ECDsa ecdsa)
    {
        Algorithm = SignatureAlgorithm.EcdsaP256;
        _ecdsa = ecdsa;
        PublicKey = VerificationKey.FromSubjectPublicKeyInfo(Algorithm, ecdsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>The key's algorithm.</summary>
    public SignatureAlgorithm Algorithm { get; }

    /// <summary>The matching public key.</summary>
    public VerificationKey PublicKey { get; }

    /// <summary>The key id of the public key (see <see cref="VerificationKey.KeyId"/>).</summary>
    public string KeyId => PublicKey.KeyId;

    /// <summary>Makes a new random key.</summary>
    public static SigningKey Generate(SignatureAlgorithm algorithm) => algorithm switch
    {
        SignatureAlgorithm.Ed25519 => new SigningKey(Key.Create(NSec.Cryptography.SignatureAlgorithm.Ed25519, Exportable)),
        _ => new SigningKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)),
    };

    /// <summary>Reads a PEM PKCS#8 private key (unencrypted).</summary>
    /// <exception cref="InvalidKeyException">The text is not such a key, or its algorithm is neither Ed25519 nor ECDSA P-256.</exception>
    public static SigningKey FromPem(string pem)
    {
        var (algorithm, der) = KeyPem.Read(pem, KeyPem.PrivateLabel, "the private key");
        if (algorithm == SignatureAlgorithm.Ed25519)
        {
            return Key.TryImport(NSec.Cryptography.SignatureAlgorithm.Ed25519, der, KeyBlobFormat.PkixPrivateKey, out var key, Exportable)
                ? new SigningKey(key!)
                : throw new InvalidKeyException("the private key is not a valid Ed25519 key");
        }

        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportPkcs8PrivateKey(der, out _);
            return new SigningKey(ecdsa);
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            throw new InvalidKeyException("the private key is not a valid ECDSA P-256 key");
        }
    }

    /// <summary>The key as PEM PKCS#8 text: keep it secret.</summary>
    public string ToPem()
    {
        var der = _ed25519 is not null ? _ed25519.Export(KeyBlobFormat.PkixPrivateKey) : _ecdsa!.ExportPkcs8PrivateKey();
        return PemEncoding.WriteString(KeyPem.PrivateLabel, der) + "\n";
    }

    /// <summary>Signs <paramref name="data"/>: Ed25519 over the bytes, or ECDSA P-256 over their SHA-256 (DER signature).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _ed25519 is not null
            ? NSec.Cryptography.SignatureAlgorithm.Ed25519.Sign(_ed25519, data)
            : _ecdsa!.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <inheritdoc />
    public void Dispose()
    {
        _ed25519?.Dispose();
        _ecdsa?.Dispose();
    }

    private static KeyCreationParameters Exportable => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };
}
