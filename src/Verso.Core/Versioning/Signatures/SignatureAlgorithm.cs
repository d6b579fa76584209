namespace Verso.Versioning.Signatures;

/// <summary>The signature algorithms Verso signs and verifies with: the two that DSSE tooling (cosign, in-toto) accepts everywhere.</summary>
public enum SignatureAlgorithm
{
    /// <summary>Ed25519 (RFC 8032): the default, small keys and deterministic signatures.</summary>
    Ed25519,

    /// <summary>ECDSA over NIST P-256 with SHA-256; signatures DER-encoded, as cosign writes them.</summary>
    EcdsaP256,
}
