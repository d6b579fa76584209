using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Model.Snapshots;

/// <summary>One version of an entity with its content read as a <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The record type of the entity's kind.</typeparam>
/// <param name="Stored">The version as the store keeps it, with the canonical bytes.</param>
/// <param name="Record">The content as a record.</param>
public sealed record VersionSnapshot<T>(Snapshot Stored, T Record)
{
    /// <summary>The entity's kind.</summary>
    public string Kind => Stored.Key.Kind;

    /// <summary>The entity's id.</summary>
    public string Id => Stored.Key.Id;

    /// <summary>The version number.</summary>
    public int Version => Stored.Version;

    /// <summary>The content hash.</summary>
    public ContentHash Hash => Stored.Hash;

    /// <summary>Who saved it.</summary>
    public string SavedBy => Stored.SavedBy;

    /// <summary>When it was saved, in UTC.</summary>
    public DateTimeOffset SavedAt => Stored.SavedAt;

    /// <summary>The message given with the save, if any.</summary>
    public string? Message => Stored.Message;

    /// <summary>What created this version.</summary>
    public VersionOperation Operation => Stored.Operation;

    /// <summary>The ref naming exactly this version.</summary>
    public VersionRef Ref => Stored.Ref;
}
