using System.Collections.Immutable;
using System.Globalization;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Storage.Integrity;

// verify --since: the history must still extend the checkpoint. Each entity it names must still have
// the version it saw, with the same chain hash (which vouches for every version before it: a version
// rewritten and every later link recomputed ends in another chain hash); each tag's first moves and
// each entity's removals it saw must be unchanged.
internal static class CheckpointCheck
{
    public static void Check(Checkpoint checkpoint, HistoryIndex history, TagCheck tags, ImmutableArray<IntegrityProblem>.Builder problems)
    {
        foreach (var entity in checkpoint.Entities)
        {
            var last = history.LastVersion(entity.Key);
            var at = VersionRef.ForVersion(entity.Key, entity.Version);
            if (last == 0)
            {
                problems.Add(new IntegrityProblem(at, $"the entity is gone: the checkpoint of {Timestamp.Format(checkpoint.Created)} has {entity.Key} at version {entity.Version}"));
            }
            else if (last < entity.Version)
            {
                problems.Add(new IntegrityProblem(at, $"missing: the history was cut back to version {last}, but the checkpoint has version {entity.Version}"));
            }
            else if (history.ChainOf(entity.Key, entity.Version) is not { } chain || chain != entity.Chain)
            {
                problems.Add(new IntegrityProblem(at, $"rewritten since the checkpoint: its chain hash is not the checkpoint's {Short(entity.Chain)}, so this version or one before it was changed and the chain recomputed"));
            }
        }

        foreach (var tag in checkpoint.Tags)
        {
            var moves = tags.Moves.GetValueOrDefault((tag.Key, tag.Name)) ?? [];
            var at = VersionRef.ForVersion(tag.Key, moves.Count > 0 ? moves[^1].ToVersion : 1);
            if (moves.Count < tag.Moves)
            {
                problems.Add(new IntegrityProblem(at, string.Create(CultureInfo.InvariantCulture, $"tag '{tag.Name}' has {moves.Count} recorded moves, but the checkpoint saw {tag.Moves}: its history was cut")));
            }
            else if (CheckpointDigest.OfMoves(moves.Take(tag.Moves)) != tag.Digest)
            {
                problems.Add(new IntegrityProblem(at, $"tag '{tag.Name}': a move the checkpoint saw was changed since"));
            }
        }

        foreach (var removal in checkpoint.Removals)
        {
            var now = history.RemovalsOf(removal.Key).Where(r => removal.Versions.Contains(r.Version)).ToList();
            var at = VersionRef.ForVersion(removal.Key, removal.Versions[0]);
            if (now.Count != removal.Versions.Length || CheckpointDigest.OfRemovals(now) != removal.Digest)
            {
                problems.Add(new IntegrityProblem(at, "a content removal the checkpoint saw (who pruned or erased, when, why) was changed or deleted since"));
            }
        }
    }

    /// <summary>The checkpoint of what <paramref name="history"/> and <paramref name="tags"/> hold now.</summary>
    public static Checkpoint Create(DateTimeOffset now, HistoryIndex history, TagCheck tags) => new(
        now,
        [.. history.Lasts.Select(last => new CheckpointEntity(last.Key, last.Version, last.ChainHash!.Value))],
        [.. tags.Moves.Select(t => new CheckpointTag(t.Key.Key, t.Key.Name, t.Value.Count, CheckpointDigest.OfMoves(t.Value)))],
        [.. history.AllRemovals.Select(r => new CheckpointRemovals(r.Key, [.. r.Value.Select(v => v.Version)], CheckpointDigest.OfRemovals(r.Value)))]);

    private static string Short(ContentHash hash) => hash.ToString()[..19];
}
