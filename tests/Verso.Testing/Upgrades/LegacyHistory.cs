using System.Text;
using Verso.Documents.Canonical;
using Verso.Storage.Integrity;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Testing.Support;

namespace Verso.Testing.Upgrades;

/// <summary>
/// One store's history as a store at an older schema kept it: three entities, a rollback, a blob shared by two
/// entities, a pin, tags with their moves, a pruned version and an imported one; each version as that schema
/// would hold it (no chain before step 3, no source before step 6, and so on). <see cref="SchemaUpgradeContract"/>
/// writes it with the SQL of that schema and reads it back after the upgrade.
/// </summary>
public sealed class LegacyHistory
{
    /// <summary>The entity with a long history of a large charter.</summary>
    public static readonly EntityKey Alice = EntityKey.Create("agent", "alice");

    /// <summary>An entity whose first version shares its blob with <see cref="Alice"/>'s.</summary>
    public static readonly EntityKey Flow = EntityKey.Create("workflow", "flow");

    /// <summary>An entity that pins <see cref="Alice"/>@3.</summary>
    public static readonly EntityKey Decision = EntityKey.Create("decision", "task-1");

    /// <summary>Alice's version whose content a prune removed (schema 5 and later).</summary>
    public const int PrunedVersion = 6;

    /// <summary>Alice's version every later one is a delta on (schema 8).</summary>
    public const int Keyframe = 7;

    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly IReadOnlySet<int> _steps;

    private LegacyHistory(IReadOnlySet<int> steps, IReadOnlyList<Snapshot> versions) => (_steps, Versions) = (steps, versions);

    /// <summary>The schema the history was written at: how many steps its store recorded.</summary>
    public int Schema => _steps.Count;

    /// <summary>Every version, in the order they were saved (which is also their change sequence).</summary>
    public IReadOnlyList<Snapshot> Versions { get; }

    /// <summary>Whether a schema keeps chain hashes, tags, a revert's origin (3 and later).</summary>
    public bool Chained => Has(3);

    /// <summary>Tag moves: (entity, name, from, to, by, at, reason), in order.</summary>
    public IReadOnlyList<(EntityKey Key, string Name, int? From, int To, string By, DateTimeOffset At, string? Reason)> TagMoves => Chained
        ?
        [
            (Alice, "production", null, 3, "ann", Start.AddHours(1), "first release"),
            (Alice, "production", 3, 4, "bob", Start.AddHours(2), null),
            (Flow, "staging", null, 2, "ann", Start.AddHours(3), "try it"),
        ]
        : [];

    /// <summary>The removal of <see cref="PrunedVersion"/>, when the schema has removals.</summary>
    public ContentRemoval? Removal => Has(5) ? new ContentRemoval(ContentRemovalKind.Pruned, "ops", Start.AddHours(4), "old content") : null;

    /// <summary>Whether the store ran schema step <paramref name="step"/> (numbered as today's code numbers them).</summary>
    public bool Has(int step) => _steps.Contains(step);

    /// <summary>The history of a store that ran the schema steps <paramref name="steps"/> (today's numbers).</summary>
    public static LegacyHistory At(IReadOnlyCollection<int> steps)
    {
        var history = new LegacyHistory(steps.ToHashSet(), []);
        return new LegacyHistory(steps.ToHashSet(), Build(history));
    }

    private static List<Snapshot> Build(LegacyHistory schema)
    {
        var versions = new List<Snapshot>();
        var edits = new[] { 0, 1, 2, 3, 1, 5, 6, 7, 8, 9, 10, 11 };
        var at = Start;
        Snapshot? previous = null;
        for (var n = 0; n < edits.Length; n++)
        {
            var version = n + 1;
            var rollback = version == 5;
            previous = Add(versions, schema, previous, Alice, version, Charters.Edited(edits[n]), version % 2 == 0 ? "bob" : "ann",
                at = at.AddMinutes(7), version == 2 ? "second: tighter rules" : null,
                rollback ? VersionOperation.Rollback : VersionOperation.Save, rollback ? 2 : null,
                version == 3 ? new VersionSource("0123456789abcdef0123456789abcdef01234567", "agents/alice.md") : null);
        }

        previous = null;
        var flows = new[] { Charters.Edited(0), Small("{\"nodes\":2}"), Small("{\"nodes\":3}") };
        for (var n = 0; n < flows.Length; n++)
        {
            previous = Add(versions, schema, previous, Flow, n + 1, flows[n], "carol", at = at.AddMinutes(3), null, VersionOperation.Save, null, null);
        }

        Add(versions, schema, null, Decision, 1, Small("{\"pins\":[\"agent/alice@3\"],\"verdict\":\"approved\"}"), "dave", at.AddMinutes(1), "pinned", VersionOperation.Save, null, null);
        return versions;
    }

    private static CanonicalDocument Small(string json) => CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(json));

    private static Snapshot Add(
        List<Snapshot> versions, LegacyHistory schema, Snapshot? previous, EntityKey key, int version, CanonicalDocument content, string by,
        DateTimeOffset at, string? message, VersionOperation operation, int? revertOf, VersionSource? source)
    {
        var snapshot = new Snapshot(key, version, content.Hash, content.Utf8, by, at, message, operation, 1)
        {
            RevertOf = schema.Has(3) ? revertOf : null,
            Source = schema.Has(6) ? source : null,
        };
        if (schema.Has(3))
        {
            snapshot = snapshot with { ChainHash = ChainHash.Compute(previous?.ChainHash, snapshot) };
        }

        versions.Add(snapshot);
        return snapshot;
    }
}
