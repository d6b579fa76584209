namespace Verso.Versioning.Signatures;

/// <summary>What an in-toto statement is about: a name and the SHA-256 of its bytes (lowercase hex, no prefix).</summary>
public sealed record InTotoSubject(string Name, string Sha256);
