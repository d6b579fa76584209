using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Storage.History;

/// <summary>One entity in a manifest: the version in force and its content hash.</summary>
/// <param name="Key">The entity.</param>
/// <param name="Version">The version in force.</param>
/// <param name="Hash">Its content hash.</param>
public sealed record ManifestEntry(EntityKey Key, int Version, ContentHash Hash)
{
    /// <summary>The entry as one line: <c>kind/id@N sha256:…</c>; these lines are the Merkle leaves.</summary>
    public override string ToString() => $"{VersionRef.ForVersion(Key, Version)} {Hash}";
}
