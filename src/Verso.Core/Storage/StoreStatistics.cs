namespace Verso.Storage;

/// <summary>Counts over a whole store.</summary>
/// <param name="Entities">Entities with at least one version.</param>
/// <param name="Versions">Versions over all entities.</param>
/// <param name="Blobs">Distinct contents stored (each stored once however many versions share it).</param>
/// <param name="BlobBytes">Bytes of content stored.</param>
public sealed record StoreStatistics(long Entities, long Versions, long Blobs, long BlobBytes);
