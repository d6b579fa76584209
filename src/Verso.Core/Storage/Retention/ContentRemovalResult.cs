using System.Collections.Immutable;
using Verso.Naming;

namespace Verso.Storage.Retention;

/// <summary>What a prune or an erase removed (or, for a dry run, would remove) from one entity.</summary>
/// <param name="Key">The entity.</param>
/// <param name="Versions">The versions whose content went, oldest first.</param>
public sealed record ContentRemovalResult(EntityKey Key, ImmutableArray<int> Versions);
