using System.Security.Cryptography;
using NSec.Cryptography;

namespace Verso.Versioning.Signatures;

/// <summary>
/// A public key that checks signatures, read from a PEM SubjectPublicKeyInfo file (<c>-----BEGIN PUBLIC KEY-----</c>),
/// the form <c>openssl pkey -pubout</c> writes. Its <see cref="KeyId"/> is the SHA-256 of that DER, in lowercase hex:
/// a signer and a verifier agree on it without exchanging anything but the key.
/// </summary>
public sealed class VerificationKey
{
    private readonly byte[] _spki;

    private VerificationKey(SignatureAlgorithm algorithm, byte[] spki)
    {
        Algorithm = algorithm;
        _spki = spki;
        KeyId = KeyPem.KeyId(spki);
    }

    /// <summary>The key's algorithm.</summary>
    public SignatureAlgorithm Algorithm { get; }

    /// <summary>The SHA-256 of the key's SubjectPublicKeyInfo DER, lowercase hex: the <c>keyid</c> of a DSSE signature.</summary>
    public string KeyId { get; }

    /// <summary>Reads a PEM SPKI public key.</summary>
    /// <exception cref="InvalidKeyException">The text is not such a key, or its algorithm is neither Ed25519 nor ECDSA P-256.</exception>
    public static VerificationKey FromPem(string pem)
    {
        var (algorithm, der) = KeyPem.Read(pem, KeyPem.PublicLabel, "the public key");
        var key = new VerificationKey(algorithm, der);
        _ = key.Verify([], []); // fails now, not at the first verification, if the key bytes are bad
        return key;
    }

    internal static VerificationKey FromSubjectPublicKeyInfo(SignatureAlgorithm algorithm, byte[] spki) => new(algorithm, spki);

    /// <summary>The key as PEM SPKI text.</summary>
    public string ToPem() => PemEncoding.WriteString(KeyPem.PublicLabel, _spki) + "\n";

    /// <summary>Whether <paramref name="signature"/> is this key's signature over <paramref name="data"/>.</summary>
    /// <exception cref="InvalidKeyException">The key's bytes are not a valid key of its algorithm.</exception>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        switch (Algorithm)
        {
            case SignatureAlgorithm.Ed25519:
                if (!PublicKey.TryImport(NSec.Cryptography.SignatureAlgorithm.Ed25519, _spki, KeyBlobFormat.PkixPublicKey, out var publicKey))
                {
                    throw new InvalidKeyException("the public key is not a valid Ed25519 key");
                }

                return NSec.Cryptography.SignatureAlgorithm.Ed25519.Verify(publicKey!, data, signature);
            default:
                using (var ecdsa = ECDsa.Create())
                {
                    try
                    {
                        ecdsa.ImportSubjectPublicKeyInfo(_spki, out _);
                    }
                    catch (CryptographicException)
                    {
                        throw new InvalidKeyException("the public key is not a valid ECDSA P-256 key");
                    }

                    return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
                }
        }
    }
}
