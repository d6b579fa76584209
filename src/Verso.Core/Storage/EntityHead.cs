using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Storage;

/// <summary>An entity and its latest version, as listed by <see cref="IVersionStore.ListEntitiesAsync"/>.</summary>
/// <param name="Key">The entity.</param>
/// <param name="Version">Its head version number.</param>
/// <param name="Hash">The head's content hash.</param>
/// <param name="SavedAt">When the head was saved.</param>
public sealed record EntityHead(EntityKey Key, int Version, ContentHash Hash, DateTimeOffset SavedAt);
