using System.Text;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Core.Tests.Versioning;

/// <summary>Imports that keep numbers, authors and times, and the erasure of an entity's every content.</summary>
public sealed class ImportAndEraseAllTests
{
    private static readonly DateTimeOffset January = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private readonly VersioningService _service = new(new InMemoryVersionStore(), new KindRegistry(), new FakeTimeProvider(Some.Instant));
    private readonly EntityKey _key = EntityKey.Create("doc", Some.Id("doc"));

    [Fact]
    public async Task ImportedVersionsKeepTheirNumbersAuthorsAndTimesAndASecondRunChangesNothing()
    {
        ImportedVersion[] versions = [Version(1, """{"n":1}""", "ann"), Version(2, """{"n":1}""", "bob"), Version(3, """{"n":3}""", "cy")];

        var first = await _service.ImportAsync(versions);
        var second = await _service.ImportAsync(versions);

        Assert.All(first, r => Assert.Equal(AppendOutcome.Created, r.Outcome));
        Assert.All(second, r => Assert.Equal(AppendOutcome.Unchanged, r.Outcome));
        var history = await _service.GetHistoryAsync(_key).ToListAsync();
        Assert.Equal([(3, "cy", January.AddDays(3)), (2, "bob", January.AddDays(2)), (1, "ann", January.AddDays(1))], history.Select(v => (v.Version, v.SavedBy, v.SavedAt)));
        Assert.All(history, v => Assert.Equal(VersionOperation.Import, v.Operation));
    }

    [Fact]
    public async Task AGapAChangedVersionOrAReservedKindRefusesTheWholeImport()
    {
        await _service.ImportAsync([Version(1, """{"n":1}""", "ann")]);
        var other = EntityKey.Create("doc", Some.Id("doc"));

        var gap = await Assert.ThrowsAsync<ImportConflictException>(() => _service.ImportAsync([Version(3, """{"n":3}""", "ann")]));
        var changed = await Assert.ThrowsAsync<ImportConflictException>(() =>
            _service.ImportAsync([Version(1, """{"n":1}""", "ann") with { Key = other }, Version(1, """{"n":9}""", "ann")]));
        await Assert.ThrowsAsync<RefusedException>(() => _service.ImportAsync([Version(1, "{}", "ann") with { Key = EntityKey.Create("check", "c") }]));

        Assert.Equal((1, $"doc/{_key.Id}@3"), (gap.Head, gap.Ref));
        Assert.Contains("another content", changed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _service.Store.CountVersionsAsync(other));
    }

    [Fact]
    public async Task ErasingAllLeavesATombstoneHeadAndEveryNumberAndHash()
    {
        await _service.ImportAsync([Version(1, """{"n":1}""", "ann"), Version(2, """{"n":2}""", "ann"), Version(3, """{"n":1}""", "ann")]);
        var hashes = (await _service.GetHistoryAsync(_key).ToListAsync()).Select(v => v.Hash).ToList();

        var erased = await _service.EraseAllAsync(_key, "ops", "gdpr");
        var again = await _service.EraseAllAsync(_key, "ops", "gdpr");

        Assert.Equal([3, 2, 1], erased.Erased.Versions.ToArray());
        Assert.Equal(4, erased.Tombstone!.Version);
        Assert.Empty(again.Erased.Versions);
        Assert.Null(again.Tombstone);
        var history = await _service.GetHistoryAsync(_key).ToListAsync();
        Assert.Equal(hashes, history.Skip(1).Select(v => v.Hash));
        Assert.All(history.Skip(1), v => Assert.False(v.HasContent));
        Assert.Equal((VersionOperation.Erase, true), (history[0].Operation, history[0].HasContent));
    }

    private ImportedVersion Version(int number, string json, string by) =>
        new(_key, number, _service.Canonicalize("doc", Encoding.UTF8.GetBytes(json)), by, January.AddDays(number));
}
