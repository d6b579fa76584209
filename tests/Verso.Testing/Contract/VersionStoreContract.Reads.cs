using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// The read side of the contract: hashes and prefixes, paging, isolation, listing, blob sharing.
public abstract partial class VersionStoreContract
{
    [Fact]
    public async Task AFullHashFindsItsVersion()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        await Store.AppendAsync(Some.Append(key, Some.Document(2)));

        var found = await Store.FindByHashAsync(key, Prefix(Some.Document(1).Hash), 2);

        Assert.Equal(1, Assert.Single(found).Version);
    }

    [Fact]
    public async Task AnEightDigitPrefixFindsItsVersion()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        await Store.AppendAsync(Some.Append(key, Some.Document(2)));

        var found = await Store.FindByHashAsync(key, Prefix(Some.Document(2).Hash, 8), 2);

        Assert.Equal(2, Assert.Single(found).Version);
    }

    [Fact]
    public async Task AHashOnlyMatchesVersionsOfItsOwnEntity()
    {
        var key = Some.Key();
        var other = Some.Key();
        await Store.AppendAsync(Some.Append(other, Some.Document(1)));
        await Store.AppendAsync(Some.Append(key, Some.Document(2)));

        Assert.Empty(await Store.FindByHashAsync(key, Prefix(Some.Document(1).Hash), 2));
    }

    [Fact]
    public async Task ContentSavedAtSeveralVersionsIsFoundOnceAtItsNewestVersion()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        await Store.AppendAsync(Some.Append(key, Some.Document(2)));
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));

        var found = await Store.FindByHashAsync(key, Prefix(Some.Document(1).Hash, 8), 2);

        Assert.Equal(3, Assert.Single(found).Version);
    }

    [Fact]
    public async Task APrefixSharedByTwoContentsReturnsBoth()
    {
        var key = Some.Key();
        var (first, second) = TwoDocumentsSharingAPrefix(out var shared);
        await Store.AppendAsync(Some.Append(key, first));
        await Store.AppendAsync(Some.Append(key, second));

        var found = await Store.FindByHashAsync(key, Prefix(first.Hash, shared), 2);

        Assert.Equal([2, 1], found.Select(s => s.Version));
    }

    [Fact]
    public async Task HistoryPagesRunNewestFirstWithoutGapsOrOverlaps()
    {
        var key = Some.Key();
        for (var n = 1; n <= 25; n++)
        {
            await Store.AppendAsync(Some.Append(key, Some.Document(n)));
        }

        var pages = new List<int[]>();
        for (var offset = 0; offset < 30; offset += 10)
        {
            pages.Add(await Store.GetHistoryAsync(key, offset, 10).Select(s => s.Version).ToArrayAsync());
        }

        Assert.Equal(Enumerable.Range(16, 10).Reverse(), pages[0]);
        Assert.Equal(Enumerable.Range(6, 10).Reverse(), pages[1]);
        Assert.Equal(Enumerable.Range(1, 5).Reverse(), pages[2]);
        Assert.Empty(await Store.GetHistoryAsync(key, 25, 10).ToArrayAsync());
        Assert.Empty(await Store.GetHistoryAsync(Some.Key(), 0, 10).ToArrayAsync());
    }

    [Fact]
    public async Task HistoryPagesByCursorMatchThePagesByOffset()
    {
        var key = Some.Key();
        for (var n = 1; n <= 25; n++)
        {
            await Store.AppendAsync(Some.Append(key, Some.Document(n)));
        }

        var byCursor = new List<int[]>();
        var before = int.MaxValue;
        while (true)
        {
            var page = await Store.GetHistoryBeforeAsync(key, before, 10).Select(s => s.Version).ToArrayAsync();
            if (page.Length == 0)
            {
                break;
            }

            byCursor.Add(page);
            before = page[^1];
        }

        var byOffset = new List<int[]>();
        for (var offset = 0; offset < 25; offset += 10)
        {
            byOffset.Add(await Store.GetHistoryAsync(key, offset, 10).Select(s => s.Version).ToArrayAsync());
        }

        Assert.Equal(byOffset, byCursor);
        Assert.Equal(new[] { 12, 11 }, await Store.GetHistoryBeforeAsync(key, 13, 2).Select(s => s.Version).ToArrayAsync());
        Assert.Equal(new[] { 25 }, await Store.GetHistoryBeforeAsync(key, 26, 1).Select(s => s.Version).ToArrayAsync());
        Assert.Empty(await Store.GetHistoryBeforeAsync(key, 1, 10).ToArrayAsync());
        Assert.Empty(await Store.GetHistoryBeforeAsync(Some.Key(), int.MaxValue, 10).ToArrayAsync());
        Assert.Equal(Some.Document(7).Hash, (await Store.GetHistoryBeforeAsync(key, 8, 1).SingleAsync()).Hash);
    }

    [Fact]
    public async Task ALargeContentReadsBackByteForByteAndCountsAtItsCanonicalLength()
    {
        var key = Some.Key();
        var charter = string.Concat(Enumerable.Range(0, 400).Select(n => $"- rule {n}: review every change with care\n"));
        var large = Some.Json($$"""{"charter":{{System.Text.Json.JsonSerializer.Serialize(charter)}},"n":1}""");
        var before = await Store.GetStatisticsAsync();

        await Store.AppendAsync(Some.Append(key, large));

        var read = (await Store.GetLatestAsync(key))!;
        Assert.Equal(large.Utf8.ToArray(), read.Content.ToArray());
        Assert.Equal(large.Utf8.ToArray(), (await Store.GetHistoryAsync(key, 0, 1).SingleAsync()).Content.ToArray());
        Assert.Equal(before.BlobBytes + large.Length, (await Store.GetStatisticsAsync()).BlobBytes);
    }

    [Fact]
    public async Task HistoryCarriesEachVersionsOwnContent()
    {
        var key = Some.Key();
        for (var n = 1; n <= 3; n++)
        {
            await Store.AppendAsync(Some.Append(key, Some.Document(n)));
        }

        var history = await Store.GetHistoryAsync(key, 0, 10).ToArrayAsync();

        Assert.Equal([Some.Document(3).Hash, Some.Document(2).Hash, Some.Document(1).Hash], history.Select(s => s.Hash));
        Assert.All(history, s => Assert.Equal(s.Hash, ContentHash.Compute(s.Content.Span)));
    }

    [Fact]
    public async Task EntitiesOfTheSameIdInDifferentKindsAreIndependent()
    {
        var id = Some.Id();
        var agent = EntityKey.Create("agent", id);
        var workflow = EntityKey.Create("workflow", id);
        await Store.AppendAsync(Some.Append(agent, Some.Document(1)));
        await Store.AppendAsync(Some.Append(agent, Some.Document(2)));
        var workflowFirst = await Store.AppendAsync(Some.Append(workflow, Some.Document(2)));

        Assert.Equal((AppendOutcome.Created, 1), (workflowFirst.Outcome, workflowFirst.Head.Version));
        Assert.Equal(2, await Store.CountVersionsAsync(agent));
        Assert.Equal(1, await Store.CountVersionsAsync(workflow));
        Assert.Equal(Some.Document(1).Hash, (await Store.GetVersionAsync(agent, 1))!.Hash);
    }

    [Fact]
    public async Task AConflictOnOneEntityLeavesOthersAlone()
    {
        var alice = Some.Key();
        var bob = Some.Key();
        await Store.AppendAsync(Some.Append(alice, Some.Document(1)));
        await Assert.ThrowsAsync<Errors.VersionConflictException>(
            () => Store.AppendAsync(Some.Append(bob, Some.Document(1)) with { ExpectedVersion = 3 }));

        Assert.Equal(1, await Store.CountVersionsAsync(alice));
        Assert.Equal(0, await Store.CountVersionsAsync(bob));
    }

    [Fact]
    public async Task ListingAKindGivesItsEntitiesByIdWithTheirHeads()
    {
        var kind = "kind-" + Some.Id("k");
        var b = EntityKey.Create(kind, "b");
        var a = EntityKey.Create(kind, "a");
        await Store.AppendAsync(Some.Append(b, Some.Document(1)));
        await Store.AppendAsync(Some.Append(a, Some.Document(1)));
        await Store.AppendAsync(Some.Append(a, Some.Document(2)));
        await Store.AppendAsync(Some.Append(EntityKey.Create("other", "c"), Some.Document(3)));

        var heads = await Store.ListEntitiesAsync(kind).ToArrayAsync();

        Assert.Equal(["a", "b"], heads.Select(h => h.Key.Id));
        Assert.Equal((2, Some.Document(2).Hash), (heads[0].Version, heads[0].Hash));
        Assert.Equal((1, Some.Document(1).Hash), (heads[1].Version, heads[1].Hash));
        Assert.Equal(Some.Instant, heads[0].SavedAt);
    }

    [Fact]
    public async Task TheSameContentIsStoredOnceAcrossVersionsAndEntities()
    {
        var alice = Some.Key();
        var bob = Some.Key("role");
        await Store.AppendAsync(Some.Append(alice, Some.Document(1)));
        await Store.AppendAsync(Some.Append(alice, Some.Document(2)));
        await Store.AppendAsync(Some.Append(alice, Some.Document(1)));
        await Store.AppendAsync(Some.Append(alice, Some.Document(1)) with { Force = true });
        await Store.AppendAsync(Some.Append(bob, Some.Document(2)));

        var statistics = await Store.GetStatisticsAsync();

        Assert.Equal(new StoreStatistics(
            Entities: 2,
            Versions: 5,
            Blobs: 2,
            BlobBytes: Some.Document(1).Length + Some.Document(2).Length), statistics);
    }

    // Two contents whose hashes share their first 8 hex digits (the shortest prefix a ref may use).
    // A birthday search over 32 bits: deterministic, and found after roughly 10^5 hashes.
    private static (Documents.Canonical.CanonicalDocument First, Documents.Canonical.CanonicalDocument Second) TwoDocumentsSharingAPrefix(out int shared)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; ; n++)
        {
            var json = $$"""{"probe":{{n}}}""";
            var head = ContentHash.Compute(System.Text.Encoding.UTF8.GetBytes(json)).Hex[..ContentHashPrefix.MinimumLength];
            if (seen.TryGetValue(head, out var earlier))
            {
                shared = ContentHashPrefix.MinimumLength;
                return (Some.Json($$"""{"probe":{{earlier}}}"""), Some.Json(json));
            }

            seen[head] = n;
        }
    }
}
