using System.Globalization;
using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Model.Snapshots;

/// <summary>
/// One immutable version of an entity as the store keeps it: metadata and the canonical JSON bytes.
/// The typed view on top of it is <see cref="VersionSnapshot{T}"/>.
/// </summary>
public sealed record Snapshot
{
    /// <summary>Creates a snapshot, checking the invariants every stored version holds.</summary>
    /// <exception cref="ArgumentException">A field breaks an invariant (version below 1, blank saved_by, non-UTC time).</exception>
    public Snapshot(
        EntityKey key,
        int version,
        ContentHash hash,
        ReadOnlyMemory<byte> content,
        string savedBy,
        DateTimeOffset savedAt,
        string? message,
        VersionOperation operation,
        int schemaVersion)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(savedBy);
        if (savedAt.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("saved_at must be UTC", nameof(savedAt));
        }

        Key = key;
        Version = version;
        Hash = hash;
        _content = content;
        SavedBy = savedBy;
        SavedAt = savedAt;
        Message = message;
        Operation = operation;
        SchemaVersion = schemaVersion;
    }

    /// <summary>The entity this is a version of.</summary>
    public EntityKey Key { get; }

    /// <summary>The version number: 1, 2, 3 … per entity, gapless.</summary>
    public int Version { get; }

    /// <summary>The SHA-256 of <see cref="Content"/>.</summary>
    public ContentHash Hash { get; }

    /// <summary>The canonical JSON bytes.</summary>
    /// <exception cref="Errors.ContentRemovedException">The content was pruned or erased (see <see cref="Removal"/>).</exception>
    public ReadOnlyMemory<byte> Content
    {
        get
        {
            ThrowIfContentRemoved();
            return _content;
        }
    }

    /// <summary>Set when the content was pruned or erased; the version's hash and metadata remain.</summary>
    public ContentRemoval? Removal { get; init; }

    /// <summary>Whether <see cref="Content"/> can be read.</summary>
    public bool HasContent => Removal is null;

    /// <summary>Fails, saying who removed it, when and why, unless this version still has its content.</summary>
    /// <exception cref="Errors.ContentRemovedException">The content was pruned or erased.</exception>
    public void ThrowIfContentRemoved()
    {
        if (Removal is not null)
        {
            throw new Errors.ContentRemovedException(Ref.ToString(), Removal);
        }
    }

    /// <summary>Who saved it.</summary>
    public string SavedBy { get; }

    /// <summary>When it was saved, in UTC.</summary>
    public DateTimeOffset SavedAt { get; }

    /// <summary>The message given with the save, if any.</summary>
    public string? Message { get; }

    /// <summary>What created this version.</summary>
    public VersionOperation Operation { get; }

    /// <summary>The kind's schema version the content was written under.</summary>
    public int SchemaVersion { get; }

    /// <summary>For a rollback: the version whose content this version restored.</summary>
    public int? RevertOf { get; init; }

    /// <summary>The link to the predecessor (see <see cref="Storage.Integrity.ChainHash"/>); null only for versions stored before schema 3.</summary>
    public ContentHash? ChainHash { get; init; }

    /// <summary>Where an imported version came from (git commit and path); null for anything else.</summary>
    public VersionSource? Source { get; init; }

    /// <summary>The ref naming exactly this version, e.g. <c>agent/alice@3</c>.</summary>
    public VersionRef Ref => VersionRef.ForVersion(Key, Version);

    /// <summary>The content as JSON text.</summary>
    public string ContentText() => System.Text.Encoding.UTF8.GetString(Content.Span);

    /// <summary>Compares every field, including the content bytes.</summary>
    public bool Equals(Snapshot? other) =>
        other is not null
        && Key == other.Key
        && Version == other.Version
        && Hash == other.Hash
        && Removal == other.Removal
        && _content.Span.SequenceEqual(other._content.Span)
        && SavedBy == other.SavedBy
        && SavedAt == other.SavedAt
        && Message == other.Message
        && Operation == other.Operation
        && SchemaVersion == other.SchemaVersion
        && RevertOf == other.RevertOf
        && Source == other.Source;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Key, Version, Hash);

    /// <summary>The ref and hash, e.g. <c>agent/alice@3 sha256:…</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Ref} {Hash}");

    private readonly ReadOnlyMemory<byte> _content;
}
