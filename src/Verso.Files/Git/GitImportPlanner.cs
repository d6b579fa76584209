using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Verso.Errors;
using Verso.Naming;

namespace Verso.Files.Git;

/// <summary>
/// Turns a history walk into import steps. For each commit and each part, the part's reader says which
/// entities the commit's own tree holds and with what content (one file per entity by the id rule and its
/// precedence, or several entities per file, or entities derived from files); an entity's content at a
/// commit is news when <see cref="GitWalkState"/>'s rule says so, and then it is a step with the exact bytes,
/// or the entity's deletion. A file that moves to a path naming the same entity stays one entity with one
/// content, so the move is no step.
/// </summary>
public sealed class GitImportPlanner
{
    private readonly GitRepository _repository;
    private readonly ImmutableArray<GitImportPart> _parts;

    /// <summary>Creates a planner for one kind of entity, one file each, named by <paramref name="idRule"/>, over every file the walk follows.</summary>
    /// <exception cref="InvalidNameException">The kind name breaks the rule.</exception>
    public GitImportPlanner(GitRepository repository, string kind, EntityIdRule idRule)
        : this(repository, [GitImportPart.Files([PathGlob.Parse("**")], kind, idRule, (_, _) => throw new InvalidOperationException("this planner's steps carry no parser"))])
    {
    }

    /// <summary>Creates a planner for the parts of an import, planned in the order given (a part's steps before the next part's in each commit).</summary>
    public GitImportPlanner(GitRepository repository, IEnumerable<GitImportPart> parts)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(parts);
        _repository = repository;
        _parts = [.. parts];
        if (_parts.IsEmpty)
        {
            throw new ArgumentException("give at least one part", nameof(parts));
        }
    }

    /// <summary>One planned commit per walked commit of <paramref name="commits"/>, in walk order.</summary>
    /// <param name="commits">The walk order, as <see cref="GitHistoryWalker.ListCommitsAsync"/> listed it.</param>
    /// <param name="walk">The walk of those commits.</param>
    /// <param name="cancellationToken">Stops the plan.</param>
    /// <exception cref="AmbiguousEntityPathsException">Two files with different contents name one entity in a commit, and no precedence rule picks one.</exception>
    /// <exception cref="GitException">git failed.</exception>
    public async IAsyncEnumerable<GitPlannedCommit> PlanAsync(
        ImmutableArray<GitCommit> commits,
        IAsyncEnumerable<GitCommitTree> walk,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(walk);
        // Each content read before the next commit is planned, one request to git at a time.
        await foreach (var ahead in PlanAheadAsync(commits, walk, cancellationToken).ConfigureAwait(false))
        {
            var blobs = new List<ReadOnlyMemory<byte>>();
            foreach (var blobId in ahead.BlobIds)
            {
                blobs.Add(await _repository.ReadBlobAsync(blobId, cancellationToken).ConfigureAwait(false));
            }

            yield return ahead.WithBlobs(blobs, 0);
        }
    }

    /// <summary>
    /// As <see cref="PlanAsync"/>, with the steps' bytes still to read: the caller reads them as it likes
    /// (an import asks git for many at once, see <see cref="GitPlanReadAhead"/>).
    /// </summary>
    internal async IAsyncEnumerable<GitPlannedAhead> PlanAheadAsync(
        ImmutableArray<GitCommit> commits,
        IAsyncEnumerable<GitCommitTree> walk,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(walk);
        var state = new GitWalkState(commits);
        var notes = new GitImportNotes();
        var kept = _parts.Select(_ => new GitRetention<(ImmutableSortedDictionary<string, string> Files, ImmutableDictionary<EntityKey, GitEntityView> Views)>(commits)).ToArray();
        var tip = commits.IsDefaultOrEmpty ? null : commits[^1].Id;
        await foreach (var tree in walk.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var commit = tree.Commit;
            var parentIds = commit.Parents.Where(kept[0].Has).Distinct(StringComparer.Ordinal).ToImmutableArray();
            var context = new GitTreeContext(commit, tree.Files, _repository, notes);
            var views = new ImmutableDictionary<EntityKey, GitEntityView>[_parts.Length];
            var parentViews = new ImmutableArray<ImmutableDictionary<EntityKey, GitEntityView>>[_parts.Length];
            for (var j = 0; j < _parts.Length; j++)
            {
                var parents = parentIds.Select(kept[j].Take).ToImmutableArray();
                parentViews[j] = [.. parents.Select(p => p.Views)];
                // A commit that changed no followed file holds what its first parent held: no need to read it again.
                views[j] = parents.Length > 0 && ReferenceEquals(parents[0].Files, tree.Files)
                    ? parents[0].Views
                    : await _parts[j].Reader.ReadAsync(context, cancellationToken).ConfigureAwait(false);
                kept[j].Put(commit.Id, (tree.Files, views[j]));
            }

            var lookup = new GitTreeLookup([.. views], _repository, _parts.Select(p => p.Kind));
            var steps = ImmutableArray.CreateBuilder<GitImportStep>();
            var contents = ImmutableArray.CreateBuilder<GitEntityView?>();
            for (var j = 0; j < _parts.Length; j++)
            {
                var forced = commit.Id == tip;
                if (!forced && parentViews[j].Length == 1 && ReferenceEquals(views[j], parentViews[j][0]))
                {
                    // Nothing changed for this part, and a commit that is no merge can only report what it changed.
                    continue;
                }

                foreach (var key in Candidates(views[j], parentViews[j], forced ? state.Present(j) : []))
                {
                    var view = views[j].GetValueOrDefault(key);
                    if (view is null && !_parts[j].RecordsDeletions)
                    {
                        continue;
                    }

                    // A deletion names the file that went: the one a parent held, else the one last reported.
                    var previousPath = parentViews[j].Select(p => p.GetValueOrDefault(key)?.Path).FirstOrDefault(p => p is not null) ?? state.PathOf(key);
                    var parentContents = parentViews[j].Select(p => p.GetValueOrDefault(key)?.ContentId).ToArray();
                    if (!state.Report(commit, j, key, view?.ContentId, view?.Path ?? previousPath ?? "", parentContents, forced))
                    {
                        continue;
                    }

                    steps.Add(view is null
                        ? new GitImportStep(commit, previousPath ?? "", key, ReadOnlyMemory<byte>.Empty, Deleted: true) { Part = _parts[j], Tree = lookup }
                        : new GitImportStep(commit, view.Path, key, ReadOnlyMemory<byte>.Empty, Deleted: false) { Part = _parts[j], Tree = lookup });
                    contents.Add(view);
                }
            }

            var (skipped, shadowed) = notes.Drain();
            yield return new GitPlannedAhead(new GitPlannedCommit(commit, steps.DrainToImmutable(), skipped) { Shadowed = shadowed }, contents.DrainToImmutable());
        }
    }

    private static readonly Comparer<EntityKey> ByKindThenId = Comparer<EntityKey>.Create((a, b) =>
        string.CompareOrdinal(a.Kind, b.Kind) is var byKind and not 0 ? byKind : string.CompareOrdinal(a.Id, b.Id));

    // Every entity the commit or a parent holds (and, at the tip, every entity reported present), by key.
    private static IEnumerable<EntityKey> Candidates(
        ImmutableDictionary<EntityKey, GitEntityView> views, ImmutableArray<ImmutableDictionary<EntityKey, GitEntityView>> parents, IEnumerable<EntityKey> present)
    {
        var keys = new HashSet<EntityKey>(views.Keys);
        foreach (var parent in parents)
        {
            keys.UnionWith(parent.Keys);
        }

        keys.UnionWith(present);
        return keys.Order(ByKindThenId);
    }
}
