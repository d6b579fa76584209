using Verso.Storage.Integrity;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Testing.Upgrades;

/// <summary>
/// Old stores upgrade in place: for every earlier schema, a store built by that schema's migrations alone and
/// filled with the SQL of that schema (<see cref="LegacyHistory"/>) is opened by today's code, upgraded, and
/// reads back every version, hash, chain hash, tag, pin, removal and delta as it was; verify passes, a new
/// save continues the chain, and gc changes nothing a read can see. Each SQL store says how its SQL is written.
/// </summary>
public abstract class SchemaUpgradeContract
{
    /// <summary>The schema every store of this code is at.</summary>
    protected abstract int CurrentSchema { get; }

    /// <summary>
    /// The steps (today's numbers) a store this code's predecessors left at <paramref name="schema"/> ran: 1 to
    /// <paramref name="schema"/>, unless the store once numbered its steps otherwise.
    /// </summary>
    protected virtual IReadOnlyList<int> StepsAt(int schema) => [.. Enumerable.Range(1, schema)];

    /// <summary>A new, empty database with the migrations <paramref name="steps"/> applied and recorded as 1, 2, …, nothing else.</summary>
    protected abstract Task CreateAtSchemaAsync(IReadOnlyList<int> steps);

    /// <summary>
    /// Inserts one row into <paramref name="table"/> (a bare table name); times are <see cref="DateTimeOffset"/>s,
    /// hashes 64 hex digits, as every schema before 9 kept them. Returns the new row's entity_pk for entities.
    /// </summary>
    protected abstract Task<long> InsertAsync(string table, IReadOnlyList<(string Column, object? Value)> row);

    /// <summary>The bytes a schema-7 store keeps for <paramref name="canonical"/> on its own.</summary>
    protected abstract byte[] Keyframe(byte[] canonical);

    /// <summary>The bytes a schema-8 store keeps for <paramref name="canonical"/> as a delta on a base.</summary>
    protected abstract byte[] Delta(byte[] canonical, string baseHash, byte[] baseStored);

    /// <summary>Opens the database with today's code and runs its upgrade.</summary>
    protected abstract Task<(IVersionStore Store, SchemaUpgrade Upgrade)> UpgradeAsync();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task AStoreOfAnEarlierSchemaUpgradesInPlaceAndReadsBackEverythingItHeld(int schema)
    {
        var steps = StepsAt(schema);
        var history = LegacyHistory.At(steps);
        await CreateAtSchemaAsync(steps);
        await LegacyRows.WriteAsync(history, InsertAsync, Keyframe, Delta);

        var (store, upgrade) = await UpgradeAsync();

        Assert.Equal((schema, CurrentSchema), (upgrade.FromVersion, upgrade.ToVersion));
        await UpgradedReads.AssertAsync(store, history);
        var report = await IntegrityVerifier.VerifyAsync(store);
        if (history.Chained)
        {
            Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        }
        else
        {
            // Before schema 3 no version had a chain hash, and verify says so of each one, and of nothing else.
            Assert.Equal(history.Versions.Count, report.Problems.Length);
            Assert.All(report.Problems, p => Assert.Contains("no chain hash", p.Reason, StringComparison.Ordinal));
        }

        // The upgraded store takes saves on top of what it held: the chain goes on from the upgraded link.
        var next = Support.Charters.Edited(12);
        var appended = await store.AppendAsync(new AppendRequest(LegacyHistory.Alice, next, "erin", DateTimeOffset.UnixEpoch.AddYears(57)));
        Assert.Equal(13, appended.Head.Version);
        Assert.Equal(next.Utf8.ToArray(), (await store.GetVersionAsync(LegacyHistory.Alice, 13))!.Content.ToArray());

        if (store is IContentCompaction compaction)
        {
            var result = await compaction.CompactAsync();
            Assert.Equal(0, result.Skipped);
            await UpgradedReads.AssertAsync(store, history);
        }

        if (history.Chained)
        {
            var after = await IntegrityVerifier.VerifyAsync(store);
            Assert.True(after.IsIntact, string.Join("; ", after.Problems));
        }
    }
}
