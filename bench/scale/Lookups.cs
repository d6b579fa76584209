using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Scale;

// The reads of issue 29 on the filled store beside the same reads on a store holding one entity. Each lookup of
// the big store goes to a different entity of a fixed random spread (so its pages are not all warm), each of the
// small store to its one entity.
internal static class Lookups
{
    private const int Spread = 500;
    private const string Tag = "production";

    public static async Task RunAsync(IVersionStore big, FillPlan plan, IVersionStore small, EntityKey only, int onlyVersions, int ops, int historyOps, int rounds)
    {
        var random = new Random(29);
        var bigSide = await SideAsync(big, [.. plan.Sample(Spread).Select(e => (plan.Key(e), plan.Target(e)))], random);
        var smallSide = await SideAsync(small, [.. Enumerable.Repeat((only, onlyVersions), Spread)], random);
        var hotEntity = plan.Sample(1, seed: 7)[0];
        var hotSide = await SideAsync(big, [.. Enumerable.Repeat((plan.Key(hotEntity), plan.Target(hotEntity)), Spread)], random);
        Console.WriteLine("| read | big store, a different entity each time | store of one entity | big vs one | big store, one entity each time | that vs one | goal |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        await Pair.RunAsync("head", ops, rounds, "≤ 1.5x", i => big.GetLatestAsync(bigSide.Key(i)), i => small.GetLatestAsync(smallSide.Key(i)), i => big.GetLatestAsync(hotSide.Key(i)));
        await Pair.RunAsync("version by number", ops, rounds, "≤ 1.5x",
            i => big.GetVersionAsync(bigSide.Key(i), bigSide.Version(i)), i => small.GetVersionAsync(smallSide.Key(i), smallSide.Version(i)), i => big.GetVersionAsync(hotSide.Key(i), hotSide.Version(i)));
        await Pair.RunAsync("hash prefix (12 hex)", ops, rounds, "≤ 1.5x",
            i => big.FindByHashAsync(bigSide.Key(i), bigSide.Prefix(i), 2), i => small.FindByHashAsync(smallSide.Key(i), smallSide.Prefix(i), 2), i => big.FindByHashAsync(hotSide.Key(i), hotSide.Prefix(i), 2));
        await Pair.RunAsync("tag, then its version", ops, rounds, "≤ 1.5x", i => ByTagAsync(big, bigSide.Key(i)), i => ByTagAsync(small, smallSide.Key(i)), i => ByTagAsync(big, hotSide.Key(i)));
        await Pair.RunAsync("as of a time", ops, rounds, "≤ 1.5x",
            i => big.GetAsOfAsync(bigSide.Key(i), bigSide.Time(i)), i => small.GetAsOfAsync(smallSide.Key(i), smallSide.Time(i)), i => big.GetAsOfAsync(hotSide.Key(i), hotSide.Time(i)));

        // A page of 50 deep in the longest history (cursor form, as the API pages) beside one in the small store's entity.
        var longest = (Key: plan.Key(0), Versions: plan.Target(0));
        await Pair.RunAsync($"history page of 50, 90-99% deep in {longest.Versions:N0} versions (cursor) vs in {onlyVersions:N0}", historyOps, rounds, "≤ 2x",
            i => PageAsync(big, longest.Key, Deep(longest.Versions, i)), i => PageAsync(small, only, Deep(onlyVersions, i)));
        await Pair.RunAsync($"history page of 50 by offset, 90-99% deep (offset form, for comparison)", Math.Max(1, historyOps / 5), rounds, "—",
            i => OffsetPageAsync(big, longest.Key, longest.Versions - Deep(longest.Versions, i)), i => OffsetPageAsync(small, only, onlyVersions - Deep(onlyVersions, i)));
    }

    // A cursor between 1% and 10% of the way up from the oldest version.
    private static int Deep(int versions, int i) => Math.Max(51, (versions / 100) + (int)((long)i * 7919 % Math.Max(1, versions * 9 / 100)));

    private static async Task ByTagAsync(IVersionStore store, EntityKey key)
    {
        var version = await store.GetTagAsync(key, Tag) ?? throw new InvalidOperationException($"{key} has no tag");
        _ = await store.GetVersionAsync(key, version) ?? throw new InvalidOperationException($"{key}@{version} is missing");
    }

    private static async Task PageAsync(IVersionStore store, EntityKey key, int before)
    {
        var count = 0;
        await foreach (var _ in store.GetHistoryBeforeAsync(key, before, 50))
        {
            count++;
        }

        if (count != 50)
        {
            throw new InvalidOperationException($"a page of {key} before {before} held {count} versions");
        }
    }

    private static async Task OffsetPageAsync(IVersionStore store, EntityKey key, int offset)
    {
        var count = 0;
        await foreach (var _ in store.GetHistoryAsync(key, offset, 50))
        {
            count++;
        }

        if (count != 50)
        {
            throw new InvalidOperationException($"a page of {key} at offset {offset} held {count} versions");
        }
    }

    // For each entity of a side: a random version, its hash prefix, a tag on it and a time it was in force.
    private static async Task<Side> SideAsync(IVersionStore store, (EntityKey Key, int Versions)[] entities, Random random)
    {
        var picks = new List<(EntityKey, int, ContentHashPrefix, DateTimeOffset)>();
        foreach (var (key, versions) in entities)
        {
            var version = random.Next(1, versions + 1);
            var snapshot = await store.GetVersionAsync(key, version) ?? throw new InvalidOperationException($"{key}@{version} is missing");
            ContentHashPrefix.TryParse(snapshot.Hash.Short(12), out var prefix);
            await store.MoveTagAsync(new TagMove(key, Tag, null, version, "scale-bench", DateTimeOffset.UtcNow, null));
            picks.Add((key, version, prefix, snapshot.SavedAt.AddMilliseconds(random.Next(0, 5))));
        }

        return new Side([.. picks]);
    }

    private sealed class Side((EntityKey Key, int Version, ContentHashPrefix Prefix, DateTimeOffset Time)[] picks)
    {
        public EntityKey Key(int i) => picks[i % picks.Length].Key;

        public int Version(int i) => picks[i % picks.Length].Version;

        public ContentHashPrefix Prefix(int i) => picks[i % picks.Length].Prefix;

        public DateTimeOffset Time(int i) => picks[i % picks.Length].Time;
    }
}
