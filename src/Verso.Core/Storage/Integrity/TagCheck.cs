using System.Collections.Immutable;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Storage.Integrity;

// The tag part of a verify: a tag's row must be where its last recorded move took it, each move must
// start where the one before it ended, and a tag must point at a version that exists. A tag moved by
// SQL (its row changed, its history not) or a history row edited or deleted names itself here.
internal sealed class TagCheck
{
    private readonly Dictionary<(EntityKey Key, string Name), int> _tags = [];
    private readonly Dictionary<(EntityKey Key, string Name), List<TagMove>> _moves = [];

    public IReadOnlyDictionary<(EntityKey Key, string Name), List<TagMove>> Moves => _moves;

    public void AddTag(StoredTag tag) => _tags[(tag.Key, tag.Name)] = tag.Version;

    public void AddMove(TagMove move)
    {
        if (!_moves.TryGetValue((move.Key, move.Name), out var list))
        {
            _moves[(move.Key, move.Name)] = list = [];
        }

        list.Add(move);
    }

    public void Check(Func<EntityKey, int> lastVersion, ImmutableArray<IntegrityProblem>.Builder problems)
    {
        foreach (var ((key, name), version) in _tags.OrderBy(t => t.Key.Key.ToString(), StringComparer.Ordinal).ThenBy(t => t.Key.Name, StringComparer.Ordinal))
        {
            var at = VersionRef.ForVersion(key, version);
            if (version < 1 || version > lastVersion(key))
            {
                problems.Add(new IntegrityProblem(at, $"tag '{name}' points at version {version}, which is not in the store"));
            }

            if (!_moves.TryGetValue((key, name), out var moves))
            {
                problems.Add(new IntegrityProblem(at, $"tag '{name}' has no recorded move: it was set outside Verso"));
            }
            else if (moves[^1].ToVersion != version)
            {
                problems.Add(new IntegrityProblem(at, $"tag '{name}' points at version {version}, but its last recorded move took it to {moves[^1].ToVersion}: it was moved outside Verso"));
            }
        }

        foreach (var ((key, name), moves) in _moves)
        {
            if (!_tags.ContainsKey((key, name)))
            {
                problems.Add(new IntegrityProblem(VersionRef.ForVersion(key, moves[^1].ToVersion), $"tag '{name}' is gone, but its history says it points here: it was deleted outside Verso"));
            }

            for (var i = 0; i < moves.Count; i++)
            {
                var expectedFrom = i == 0 ? null : (int?)moves[i - 1].ToVersion;
                if (moves[i].FromVersion != expectedFrom)
                {
                    problems.Add(new IntegrityProblem(
                        VersionRef.ForVersion(key, moves[i].ToVersion),
                        $"tag '{name}': move {i + 1} of its history starts from {moves[i].FromVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}, not from where the move before it ended ({expectedFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "nothing"}): its history was edited"));
                }
            }
        }
    }
}
