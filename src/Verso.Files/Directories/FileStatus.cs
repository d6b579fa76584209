namespace Verso.Files.Directories;

/// <summary>What happened to one file, or how it compares with the store.</summary>
public enum FileStatus
{
    /// <summary>Export: the file was written (it was missing or held other bytes).</summary>
    Written,

    /// <summary>Export: the file already held these bytes. Import and status: the store's head has this content.</summary>
    Unchanged,

    /// <summary>Import: a new entity, version 1.</summary>
    Created,

    /// <summary>Import: a new version of an existing entity.</summary>
    Updated,

    /// <summary>Status: the file's record differs from the store's head.</summary>
    Changed,

    /// <summary>Status: the file names an entity the store does not have.</summary>
    New,

    /// <summary>Status: the store has an entity with no file.</summary>
    Missing,

    /// <summary>The file, its name or its path cannot be used; nothing was read from or written to it.</summary>
    Invalid,

    /// <summary>Import: read but not saved, because another file was invalid (an import is all or nothing) or it holds an internal record.</summary>
    Skipped,
}
