using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Verso.Versioning.Signatures;

// Reads a PEM key far enough to know its algorithm: the AlgorithmIdentifier of a PKCS#8 PrivateKeyInfo or an
// SPKI, the same structure in both (RFC 5208 / RFC 5280). The key material itself is left to the libraries.
internal static class KeyPem
{
    public const string PrivateLabel = "PRIVATE KEY";
    public const string PublicLabel = "PUBLIC KEY";

    private const string Ed25519Oid = "1.3.101.112";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static (SignatureAlgorithm Algorithm, byte[] Der) Read(string pem, string label, string what)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (!PemEncoding.TryFind(pem, out var fields))
        {
            throw new InvalidKeyException($"{what} is not a PEM file (expected '-----BEGIN {label}-----')");
        }

        var found = pem[fields.Label];
        if (!found.SequenceEqual(label))
        {
            throw new InvalidKeyException($"{what} holds a '{found}' block; expected '{label}' ({(label == PrivateLabel ? "PKCS#8" : "SPKI")})");
        }

        var der = Convert.FromBase64String(pem[fields.Base64Data].ToString());
        try
        {
            return (AlgorithmOf(der, label == PrivateLabel), der);
        }
        catch (AsnContentException)
        {
            throw new InvalidKeyException($"{what} is not a valid {(label == PrivateLabel ? "PKCS#8" : "SPKI")} key");
        }
    }

    private static SignatureAlgorithm AlgorithmOf(byte[] der, bool isPrivate)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        if (isPrivate)
        {
            _ = outer.ReadInteger(); // PKCS#8 version
        }

        var identifier = outer.ReadSequence();
        var oid = identifier.ReadObjectIdentifier();
        if (oid == Ed25519Oid)
        {
            return SignatureAlgorithm.Ed25519;
        }

        if (oid == EcPublicKeyOid && identifier.HasData && identifier.ReadObjectIdentifier() == P256Oid)
        {
            return SignatureAlgorithm.EcdsaP256;
        }

        throw new InvalidKeyException($"the key's algorithm ({oid}) is not one Verso signs with: use Ed25519 or ECDSA P-256");
    }

    public static string KeyId(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        Convert.ToHexStringLower(SHA256.HashData(subjectPublicKeyInfo));
}
