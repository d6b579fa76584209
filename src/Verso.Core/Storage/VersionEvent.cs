using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Storage;

/// <summary>A version that has just landed, as a change feed reports it.</summary>
/// <param name="Ref">The new version.</param>
/// <param name="Hash">Its content hash.</param>
public sealed record VersionEvent(VersionRef Ref, ContentHash Hash)
{
    /// <summary>The event as one line: <c>kind/id@N sha256:…</c>.</summary>
    public override string ToString() => $"{Ref} {Hash}";
}
