using System.Collections.Immutable;
using Verso.Naming;

namespace Verso.Files.Git;

/// <summary>Reads which entities one commit's tree holds, and each one's content, for one part of an import.</summary>
internal abstract class GitEntityReader
{
    /// <summary>The entities the followed files of <paramref name="tree"/> hold, with their contents.</summary>
    /// <exception cref="AmbiguousEntityPathsException">No precedence rule picks one of two files naming an entity.</exception>
    public abstract ValueTask<ImmutableDictionary<EntityKey, GitEntityView>> ReadAsync(GitTreeContext tree, CancellationToken cancellationToken);
}
