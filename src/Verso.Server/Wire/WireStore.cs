using Verso.Contracts.Store;
using Verso.Contracts.Versions;
using Verso.Storage.History;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Server.Wire;

/// <summary>Entities, kinds and manifests as the wire shows them: Core's heads and manifests mapped to <see cref="Verso.Contracts.Store"/>.</summary>
public static class WireStore
{
    /// <summary>An entity of a kind with its head, as the API lists it (<paramref name="latest"/>: the head, when it could be read).</summary>
    public static EntityItem Entity(EntityHead head, Snapshot? latest, IEnumerable<EntityTag> tags)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new EntityItem
        {
            Ref = VersionRef.ForVersion(head.Key, head.Version).ToString(),
            Kind = head.Key.Kind,
            Id = head.Key.Id,
            Version = head.Version,
            Hash = head.Hash.ToString(),
            SavedBy = latest?.SavedBy,
            SavedAt = latest?.SavedAt ?? head.SavedAt,
            Tags = WireTags.Of(tags),
        };
    }

    /// <summary>An entity as <c>verso list --json</c> prints it.</summary>
    public static EntityListing Listing(EntityHead head, string savedBy, IEnumerable<EntityTag> tags)
    {
        ArgumentNullException.ThrowIfNull(head);
        return new EntityListing
        {
            Kind = head.Key.Kind,
            Id = head.Key.Id,
            Version = head.Version,
            Hash = head.Hash.ToString(),
            SavedBy = savedBy,
            SavedAt = head.SavedAt,
            Tags = WireTags.Of(tags),
        };
    }

    /// <summary>A manifest: every entity's version in force and the root over them.</summary>
    public static ManifestResult Manifest(Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        return new ManifestResult
        {
            At = manifest.At,
            Root = manifest.Root.ToString(),
            Entries = [.. manifest.Entries.Select(e => new Contracts.Store.ManifestEntry
            {
                Ref = VersionRef.ForVersion(e.Key, e.Version).ToString(),
                Kind = e.Key.Kind,
                Id = e.Key.Id,
                Version = e.Version,
                Hash = e.Hash.ToString(),
            })],
        };
    }
}
