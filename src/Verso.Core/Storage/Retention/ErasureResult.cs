using Verso.Model.Snapshots;

namespace Verso.Storage.Retention;

/// <summary>What an erase did.</summary>
/// <param name="Erased">The versions whose content was erased.</param>
/// <param name="Tombstone">The version appended because the head held the erased content, if it did.</param>
public sealed record ErasureResult(ContentRemovalResult Erased, Snapshot? Tombstone);
