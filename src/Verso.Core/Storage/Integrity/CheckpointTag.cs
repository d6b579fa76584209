using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Storage.Integrity;

/// <summary>A tag as a checkpoint saw it: how many moves its history had and their digest.</summary>
public sealed record CheckpointTag(EntityKey Key, string Name, int Moves, ContentHash Digest);
