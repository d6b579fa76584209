namespace Verso.Storage.Relational.Compression;

/// <summary>A blob row as stored: its hash, its stored bytes, and its base's hash and stored bytes when it is a delta.</summary>
internal sealed record StoredBlob(string Hash, byte[] Stored, string? BaseHash, byte[]? BaseStored);
