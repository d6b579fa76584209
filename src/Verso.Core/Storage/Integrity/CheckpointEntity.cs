using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Storage.Integrity;

/// <summary>An entity as a checkpoint saw it: its last version and that version's chain hash, which vouches for every version before it.</summary>
public sealed record CheckpointEntity(EntityKey Key, int Version, ContentHash Chain);
