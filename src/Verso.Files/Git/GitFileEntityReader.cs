using System.Collections.Immutable;
using Verso.Errors;
using Verso.Naming;

namespace Verso.Files.Git;

/// <summary>
/// One file per entity: the id rule names each followed file's entity; when several files of one tree name
/// the same entity, the rule's precedence picks one and the others are shadowed; files that tie and differ
/// in content stop the import (no rule applies, so which one is the entity is a guess).
/// </summary>
internal sealed class GitFileEntityReader(string kind, EntityIdRule idRule, Func<string, bool> follows) : GitEntityReader
{
    public override ValueTask<ImmutableDictionary<EntityKey, GitEntityView>> ReadAsync(GitTreeContext tree, CancellationToken cancellationToken)
    {
        var named = new Dictionary<EntityKey, List<(string Path, string Blob, int Rank)>>();
        foreach (var (path, blob) in tree.Files)
        {
            if (!follows(path))
            {
                continue;
            }

            var (key, reason) = KeyOf(path);
            if (key is null)
            {
                tree.Notes.Skip(tree.Commit, path, blob, reason!);
                continue;
            }

            if (!named.TryGetValue(key, out var files))
            {
                named[key] = files = [];
            }

            files.Add((path, blob, idRule.PrecedenceOf(path)));
        }

        var views = ImmutableDictionary.CreateBuilder<EntityKey, GitEntityView>();
        foreach (var (key, files) in named)
        {
            var best = files.Min(f => f.Rank);
            var winners = files.Where(f => f.Rank == best).ToList();
            if (winners.Select(f => f.Blob).Distinct(StringComparer.Ordinal).Count() > 1)
            {
                throw new AmbiguousEntityPathsException(tree.Commit.Id, key, winners.Select(f => f.Path));
            }

            foreach (var shadowed in files.Where(f => f.Rank != best))
            {
                tree.Notes.Shadow(tree.Commit, shadowed.Path, winners[0].Path);
            }

            views[key] = new GitEntityView(winners[0].Path, winners[0].Blob, IsBlob: true);
        }

        return ValueTask.FromResult(views.ToImmutable());
    }

    private (EntityKey? Key, string? Reason) KeyOf(string path)
    {
        if (idRule.IdOf(path) is not { } id)
        {
            return (null, idRule.NoIdReason);
        }

        try
        {
            return (EntityKey.Create(kind, id), null);
        }
        catch (InvalidNameException exception)
        {
            return (null, exception.Message);
        }
    }
}
