using System.Globalization;
using Verso.Naming;

namespace Verso.Scale;

// How many versions each entity gets: one long-history outlier (100,000 versions at full size), four of 10,000,
// and the rest spread evenly over the other entities. Entity 0 is the longest.
internal sealed class FillPlan
{
    private readonly int[] _targets;
    private readonly EntityKey[] _keys;

    public FillPlan(OrgRecords records, long versions, int entities)
    {
        if (entities < 6 || versions < entities * 2L)
        {
            throw new ArgumentException("give at least 6 entities and two versions for each");
        }

        Records = records;
        var longest = (int)Math.Min(100_000, versions / 10);
        var medium = (int)Math.Min(10_000, versions / 100);
        var rest = versions - longest - (4L * medium);
        var (each, extra) = (rest / (entities - 5), rest % (entities - 5));
        _targets = new int[entities];
        _keys = new EntityKey[entities];
        for (var e = 0; e < entities; e++)
        {
            _targets[e] = e == 0 ? longest : e < 5 ? medium : (int)each + (e - 5 < extra ? 1 : 0);
            _keys[e] = EntityKey.Create(records.KindOf(e), string.Create(CultureInfo.InvariantCulture, $"{records.KindOf(e)}-{e:D6}"));
        }

        Versions = versions;
    }

    public OrgRecords Records { get; }

    public long Versions { get; }

    public int Entities => _targets.Length;

    public int Target(int entity) => _targets[entity];

    public EntityKey Key(int entity) => _keys[entity];

    /// <summary>A spread of ordinary entities (never the outliers) to look up: the same on every run.</summary>
    public int[] Sample(int count, int seed = 29)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => random.Next(5, Entities))];
    }
}
