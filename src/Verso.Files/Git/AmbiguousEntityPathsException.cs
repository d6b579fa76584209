using System.Collections.Immutable;
using Verso.Errors;
using Verso.Naming;

namespace Verso.Files.Git;

/// <summary>
/// In one commit, two or more followed files with different contents name the same entity, so which is
/// its content is a guess; the import stops there rather than guess. Versions saved before that commit
/// stay; a re-run with narrower globs continues after them.
/// </summary>
public sealed class AmbiguousEntityPathsException : VersoException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="commit">The commit's full id.</param>
    /// <param name="key">The entity the files name.</param>
    /// <param name="paths">The files, two or more.</param>
    public AmbiguousEntityPathsException(string commit, EntityKey key, IEnumerable<string> paths)
        : this(commit, key, paths.ToImmutableArray())
    {
    }

    private AmbiguousEntityPathsException(string commit, EntityKey key, ImmutableArray<string> paths)
        : base($"commit {commit[..Math.Min(12, commit.Length)]}: {string.Join(" and ", paths.Select(p => $"'{p}'"))} name {key} "
            + "with different contents and no precedence rule picks one; narrow the path globs so that one file names each entity")
    {
        Commit = commit;
        Key = key;
        Paths = paths;
    }

    /// <summary>The commit's full id.</summary>
    public string Commit { get; }

    /// <summary>The entity the files name.</summary>
    public EntityKey Key { get; }

    /// <summary>The files.</summary>
    public ImmutableArray<string> Paths { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.BadInput;
}
