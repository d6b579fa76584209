using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Verso.Errors;
using Verso.Naming;

namespace Verso.Files.Git;

/// <summary>
/// Turns a history walk into import steps: for each commit, the entities whose content it changed (with
/// the file's exact bytes) or deleted. The id rule maps paths to entities, so a file that moves to a path
/// naming the same entity stays one entity: its old path's deletion is no deletion, and its new content
/// is a step only when it differs from the content last stepped.
/// </summary>
public sealed class GitImportPlanner
{
    private readonly GitRepository _repository;
    private readonly string _kind;
    private readonly EntityIdRule _idRule;

    /// <summary>Creates a planner for entities of <paramref name="kind"/>, named by <paramref name="idRule"/>.</summary>
    /// <exception cref="InvalidNameException">The kind name breaks the rule.</exception>
    public GitImportPlanner(GitRepository repository, string kind, EntityIdRule idRule)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(idRule);
        EntityKey.ValidateKind(kind);
        _repository = repository;
        _kind = kind;
        _idRule = idRule;
    }

    /// <summary>One planned commit per walked commit, in walk order.</summary>
    /// <exception cref="AmbiguousEntityPathsException">Two files with different contents name one entity in a commit.</exception>
    /// <exception cref="GitException">git failed.</exception>
    public async IAsyncEnumerable<GitPlannedCommit> PlanAsync(
        IAsyncEnumerable<GitCommitChanges> walk,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(walk);
        // Each entity's live files (path → blob), and the blob last stepped for it (null: its deletion).
        var files = new Dictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        var stepped = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var (commit, changes) in walk.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var touched = new SortedDictionary<string, (EntityKey Key, List<string> Paths)>(StringComparer.Ordinal);
            var skipped = ImmutableArray.CreateBuilder<GitImportSkip>();
            foreach (var change in changes)
            {
                var (key, reason) = KeyOf(change.Path);
                if (key is null)
                {
                    // A deleted file that names no entity deletes nothing; only content is worth reporting.
                    if (!change.Deleted)
                    {
                        skipped.Add(new GitImportSkip(commit.Id, change.Path, reason!));
                    }

                    continue;
                }

                var live = files.TryGetValue(key.Id, out var existing) ? existing : files[key.Id] = new(StringComparer.Ordinal);
                if (change.BlobId is { } blob)
                {
                    live[change.Path] = blob;
                }
                else
                {
                    live.Remove(change.Path);
                }

                if (!touched.TryGetValue(key.Id, out var entry))
                {
                    touched[key.Id] = entry = (key, []);
                }

                entry.Paths.Add(change.Path);
            }

            var steps = ImmutableArray.CreateBuilder<GitImportStep>();
            foreach (var (id, (key, changedPaths)) in touched)
            {
                if (await StepAsync(commit, key, files[id], changedPaths, stepped, cancellationToken).ConfigureAwait(false) is { } step)
                {
                    steps.Add(step);
                }
            }

            yield return new GitPlannedCommit(commit, steps.DrainToImmutable(), skipped.DrainToImmutable());
        }
    }

    private async Task<GitImportStep?> StepAsync(
        GitCommit commit, EntityKey key, SortedDictionary<string, string> live, List<string> changedPaths, Dictionary<string, string?> stepped, CancellationToken cancellationToken)
    {
        var last = stepped.GetValueOrDefault(key.Id);
        if (live.Count == 0)
        {
            // Deleted only when no other followed file still names the entity, and only if it had content.
            if (last is null)
            {
                return null;
            }

            stepped[key.Id] = null;
            return new GitImportStep(commit, changedPaths[0], key, ReadOnlyMemory<byte>.Empty, Deleted: true);
        }

        var blob = live.Values.First();
        if (live.Values.Any(other => other != blob))
        {
            throw new AmbiguousEntityPathsException(commit.Id, key, live.Keys);
        }

        if (blob == last)
        {
            return null;
        }

        // Where several files hold the same content, the one this commit wrote is the entity's new home.
        var path = changedPaths.FirstOrDefault(live.ContainsKey) ?? live.Keys.First();
        var content = await _repository.ReadBlobAsync(blob, cancellationToken).ConfigureAwait(false);
        stepped[key.Id] = blob;
        return new GitImportStep(commit, path, key, content, Deleted: false);
    }

    private (EntityKey? Key, string? Reason) KeyOf(string path)
    {
        if (_idRule.IdOf(path) is not { } id)
        {
            return (null, _idRule.NoIdReason);
        }

        try
        {
            return (EntityKey.Create(_kind, id), null);
        }
        catch (InvalidNameException exception)
        {
            return (null, exception.Message);
        }
    }
}
