using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Storage;

/// <summary>Everything a store needs to append one version atomically.</summary>
public sealed record AppendRequest
{
    /// <summary>Creates a request.</summary>
    /// <exception cref="ArgumentException">saved_by is blank, saved_at is not UTC, or the expected version is negative.</exception>
    public AppendRequest(EntityKey key, CanonicalDocument content, string savedBy, DateTimeOffset savedAt)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(savedBy);
        if (savedAt.Offset != TimeSpan.Zero)
        {
            throw new ArgumentException("saved_at must be UTC", nameof(savedAt));
        }

        Key = key;
        Content = content;
        SavedBy = savedBy;
        SavedAt = savedAt;
    }

    /// <summary>The entity to append to.</summary>
    public EntityKey Key { get; }

    /// <summary>The canonical content and its hash.</summary>
    public CanonicalDocument Content { get; }

    /// <summary>Who saves it.</summary>
    public string SavedBy { get; }

    /// <summary>When it is saved, in UTC.</summary>
    public DateTimeOffset SavedAt { get; }

    /// <summary>An optional message.</summary>
    public string? Message { get; init; }

    /// <summary>What creates the version; <see cref="VersionOperation.Save"/> unless said otherwise.</summary>
    public VersionOperation Operation { get; init; } = VersionOperation.Save;

    /// <summary>The kind's schema version the content is written under.</summary>
    public int SchemaVersion { get; init; } = 1;

    /// <summary>
    /// When set, the head must be exactly this version (0 for an entity with no version yet) or the
    /// append fails with a <see cref="Errors.VersionConflictException"/>.
    /// </summary>
    public int? ExpectedVersion
    {
        get => _expectedVersion;
        init
        {
            if (value is < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(ExpectedVersion), value, "an expected version is 0 or more");
            }

            _expectedVersion = value;
        }
    }

    /// <summary>For a rollback: the version whose content is restored.</summary>
    public int? RevertOf { get; init; }

    /// <summary>Append even when the content equals the head's.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// The exact versions the content pins. The store checks, inside the append, that each exists with
    /// that hash (else <see cref="Errors.InvalidReferenceException"/>) and indexes them for
    /// <see cref="IVersionStore.FindReferrersAsync"/>.
    /// </summary>
    public System.Collections.Immutable.ImmutableArray<PinnedRef> References { get; init; } = [];

    /// <summary>Where the content was imported from, if it was.</summary>
    public VersionSource? Source { get; init; }

    /// <summary>
    /// The caller expects the content to differ from the head (its own last append made the head, with other
    /// content), so the store may skip the lock-free read that answers an unchanged append at once. Only a hint:
    /// the append still compares the head under the store's locks and gives the same answer either way.
    /// </summary>
    public bool ExpectsChange { get; init; }

    private readonly int? _expectedVersion;
}
