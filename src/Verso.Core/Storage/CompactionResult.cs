namespace Verso.Storage;

/// <summary>What a compaction did.</summary>
/// <param name="Entities">Entities whose content was looked at.</param>
/// <param name="Rewritten">Blobs stored anew.</param>
/// <param name="StoredBytesBefore">Stored bytes of the blobs looked at, before.</param>
/// <param name="StoredBytesAfter">Stored bytes of the same blobs, after.</param>
/// <param name="Skipped">Entities left as they were because a content of theirs does not decode to its hash (see verify).</param>
public sealed record CompactionResult(long Entities, long Rewritten, long StoredBytesBefore, long StoredBytesAfter, long Skipped);
