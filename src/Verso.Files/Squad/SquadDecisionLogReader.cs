using System.Collections.Immutable;
using Verso.Agents.Decisions;
using Verso.Files.Errors;
using Verso.Files.Git;
using Verso.Naming;

namespace Verso.Files.Squad;

/// <summary>
/// Each entry of a tree's <c>decisions.md</c> (by precedence, <c>.squad/</c> over <c>.ai-team/</c>) as its
/// own decision entity whose content is the entry's text. The order of entries plays no part, so a union
/// merge that leaves the same entries in another order changes nothing, and each entry is news only at the
/// commit that first wrote it (or changed its words).
/// </summary>
internal sealed class SquadDecisionLogReader(Func<string, bool> follows) : GitEntityReader
{
    // Trees of neighbouring commits share blobs; a few parsed logs are enough to read each blob once.
    private const int Cached = 8;
    private readonly Dictionary<string, ImmutableDictionary<EntityKey, GitEntityView>> _parsed = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    // Each entry's text read once, with the id it has before it is made unique in its file, and its view.
    private readonly Dictionary<string, (TeamDecision Decision, GitEntityView View)> _entries = new(StringComparer.Ordinal);

    public override async ValueTask<ImmutableDictionary<EntityKey, GitEntityView>> ReadAsync(GitTreeContext tree, CancellationToken cancellationToken)
    {
        var logs = tree.Files.Where(f => follows(f.Key)).Select(f => (Path: f.Key, Blob: f.Value, Rank: EntityIdRule.SquadPrecedenceOf(f.Key))).ToList();
        if (logs.Count == 0)
        {
            return ImmutableDictionary<EntityKey, GitEntityView>.Empty;
        }

        var best = logs.Min(l => l.Rank);
        var winners = logs.Where(l => l.Rank == best).ToList();
        if (winners.Select(l => l.Blob).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            throw new AmbiguousEntityPathsException(tree.Commit.Id, EntityKey.Create("decision", "decisions-md"), winners.Select(l => l.Path));
        }

        foreach (var shadowed in logs.Where(l => l.Rank != best))
        {
            tree.Notes.Shadow(tree.Commit, shadowed.Path, winners[0].Path);
        }

        var (path, blob, _) = winners[0];
        if (_parsed.TryGetValue(blob + "\0" + path, out var known))
        {
            return known;
        }

        var views = ImmutableDictionary.CreateBuilder<EntityKey, GitEntityView>();
        try
        {
            var bytes = await tree.Repository.ReadBlobAsync(blob, cancellationToken).ConfigureAwait(false);
            var entryViews = new Dictionary<string, GitEntityView>(StringComparer.Ordinal);
            var parts = SquadDecisionLog.Parse(bytes.Span, new HashSet<string>(StringComparer.Ordinal), (text, taken) =>
            {
                if (!_entries.TryGetValue(text, out var entry))
                {
                    // The text is kept as the view's content, so later commits' equal entries compare as one string.
                    _entries[text] = entry = (SquadDecisionLog.Read(text, new HashSet<string>(StringComparer.Ordinal)), new GitEntityView(path, text, IsBlob: false));
                }

                var decision = entry.Decision with { Id = Slug.Unique(entry.Decision.Id, taken) };
                entryViews[decision.Id] = entry.View.Path == path ? entry.View : entry.View with { Path = path };
                return decision;
            });
            foreach (var part in parts)
            {
                if (part.Decision is { } decision && EntityKey.IsValidId(decision.Id))
                {
                    views[EntityKey.Create("decision", decision.Id)] = entryViews[decision.Id];
                }
            }
        }
        catch (RecordFileException exception)
        {
            tree.Notes.Skip(tree.Commit, path, blob, exception.Message);
        }

        Remember(blob + "\0" + path, views.ToImmutable());
        return views.ToImmutable();
    }

    private void Remember(string key, ImmutableDictionary<EntityKey, GitEntityView> views)
    {
        _parsed[key] = views;
        _order.Enqueue(key);
        if (_order.Count > Cached)
        {
            _parsed.Remove(_order.Dequeue());
        }
    }
}
