using Verso.Naming;

namespace Verso.Storage.Integrity;

/// <summary>A tag as the store holds it now: the entity, the tag's name and the version it points at.</summary>
public sealed record StoredTag(EntityKey Key, string Name, int Version);
