using System.Collections.Immutable;
using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Storage.Integrity;

/// <summary>An entity's content removals (prunes, erasures) as a checkpoint saw them: the versions and the digest of their rows.</summary>
public sealed record CheckpointRemovals(EntityKey Key, ImmutableArray<int> Versions, ContentHash Digest);
