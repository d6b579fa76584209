using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Verso.Documents.Hashing;
using Verso.Storage;

namespace Verso.Storage.History;

/// <summary>
/// Builds the manifest of a whole store at a moment. The root is a Merkle tree over the entries' lines
/// (<c>kind/id@N sha256:…</c>, ordered by kind then id): leaf = SHA-256(0x00 ‖ line), node =
/// SHA-256(0x01 ‖ left ‖ right), an odd node is carried up unchanged (never paired with itself, so two
/// different lists cannot share a root), and the empty store's root is SHA-256 of nothing. The domain
/// bytes keep a leaf from ever being read as a node. Same state, same root, on every backend.
/// </summary>
public static class ManifestBuilder
{
    /// <summary>The manifest of the heads, or of the versions in force at <paramref name="at"/>: the configuration only.</summary>
    public static Task<Manifest> BuildAsync(IVersionStore store, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        BuildAsync(store, at, includeInternal: false, cancellationToken);

    /// <summary>
    /// The manifest of the heads, or of the versions in force at <paramref name="at"/>; with
    /// <paramref name="includeInternal"/>, change requests and checks too (a host's reserved records never).
    /// </summary>
    public static async Task<Manifest> BuildAsync(IVersionStore store, DateTimeOffset? at, bool includeInternal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var entries = new List<ManifestEntry>();
        await foreach (var head in store.ListAllHeadsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (Model.Kinds.ReservedKinds.IsReserved(head.Key.Kind) || (!includeInternal && Model.Kinds.InternalKinds.IsInternal(head.Key.Kind)))
            {
                // A host's own records (tokens) are not part of the organization's published state; review's
                // bookkeeping (change requests, checks) is not configuration.
                continue;
            }

            if (at is null)
            {
                entries.Add(new ManifestEntry(head.Key, head.Version, head.Hash));
            }
            else if (await store.GetAsOfAsync(head.Key, at.Value, cancellationToken).ConfigureAwait(false) is { } inForce)
            {
                entries.Add(new ManifestEntry(inForce.Key, inForce.Version, inForce.Hash));
            }
        }

        entries.Sort((a, b) => string.CompareOrdinal(a.Key.Kind, b.Key.Kind) is var kind && kind != 0 ? kind : string.CompareOrdinal(a.Key.Id, b.Key.Id));
        return new Manifest(at, [.. entries], Root(entries));
    }

    /// <summary>The Merkle root of entries in the given order.</summary>
    public static ContentHash Root(IReadOnlyList<ManifestEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return ContentHash.Compute([]);
        }

        var level = entries.Select(e => Hash(0x00, Encoding.UTF8.GetBytes(e.ToString()))).ToList();
        while (level.Count > 1)
        {
            var next = new List<byte[]>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(i + 1 < level.Count ? Hash(0x01, [.. level[i], .. level[i + 1]]) : level[i]);
            }

            level = next;
        }

        return ContentHash.FromHex(Convert.ToHexStringLower(level[0]));
    }

    private static byte[] Hash(byte domain, byte[] data) => SHA256.HashData([domain, .. data]);
}
