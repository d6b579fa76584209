namespace Verso.Model.Snapshots;

/// <summary>What created a version. Stored as its lowercase name.</summary>
public enum VersionOperation
{
    /// <summary>A save whose content differed from the head.</summary>
    Save,

    /// <summary>A save that appended even though the content equalled the head.</summary>
    Force,

    /// <summary>A rollback to an earlier version's content.</summary>
    Rollback,

    /// <summary>The result of a three-way merge.</summary>
    Merge,

    /// <summary>Brought in from files or git history.</summary>
    Import,

    /// <summary>A tombstone that replaced erased content.</summary>
    Erase,

    /// <summary>An approved change request saved as the next version; its <see cref="Snapshot.Source"/> names the request and its approvers.</summary>
    Apply,
}
