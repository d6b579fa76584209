namespace Verso.Versioning.Signatures;

/// <summary>One signature of a DSSE envelope: the signer's key id and the signature over the envelope's PAE.</summary>
/// <param name="KeyId">The key id (Verso's: the SHA-256 of the public key's SPKI, hex); may be empty in envelopes others made.</param>
/// <param name="Signature">The raw signature bytes (base64 in the envelope's JSON).</param>
public sealed record DsseSignature(string KeyId, byte[] Signature);
