using System.Globalization;
using Verso.Errors;
using Verso.Documents.Hashing;

namespace Verso.Naming;

/// <summary>
/// A reference to one exact version, checked by its content hash: <c>agent/alice@3 sha256:…</c>.
/// Records pin the versions they depend on (a decision pins the charters behind it) with these.
/// </summary>
/// <param name="Key">The entity referred to.</param>
/// <param name="Version">Its version number.</param>
/// <param name="Hash">The content hash that version must have.</param>
public sealed record PinnedRef(EntityKey Key, int Version, ContentHash Hash)
{
    /// <summary>The ref of the version, without the hash: <c>agent/alice@3</c>.</summary>
    public VersionRef Ref => VersionRef.ForVersion(Key, Version);

    /// <summary>Parses <c>kind/id@N sha256:…</c>.</summary>
    /// <exception cref="InvalidNameException">The text is not a pinned ref.</exception>
    public static PinnedRef Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !ContentHash.TryParse(parts[1], out var hash))
        {
            throw new InvalidNameException("pinned ref", text, "expected KIND/ID@VERSION sha256:HASH");
        }

        var reference = VersionRef.Parse(parts[0]);
        return reference.Selector == VersionSelector.Number
            ? new PinnedRef(reference.Key, reference.Version, hash)
            : throw new InvalidNameException("pinned ref", text, "a pinned ref names a version number");
    }

    /// <summary>The pinned ref as <c>kind/id@N sha256:…</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Ref} {Hash}");
}
