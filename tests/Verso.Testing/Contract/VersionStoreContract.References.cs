using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// Time travel and references between versions.
public abstract partial class VersionStoreContract
{
    [Fact]
    public async Task AsOfATimeGivesTheVersionInForceThen()
    {
        var key = Some.Key();
        for (var n = 1; n <= 3; n++)
        {
            await Store.AppendAsync(new Storage.AppendRequest(key, Some.Document(n), "tester", Some.Instant.AddHours(n)));
        }

        Assert.Null(await Store.GetAsOfAsync(key, Some.Instant));
        Assert.Equal(1, (await Store.GetAsOfAsync(key, Some.Instant.AddHours(1)))!.Version);
        Assert.Equal(2, (await Store.GetAsOfAsync(key, Some.Instant.AddHours(2.5)))!.Version);
        Assert.Equal(3, (await Store.GetAsOfAsync(key, Some.Instant.AddDays(30)))!.Version);
        Assert.Null(await Store.GetAsOfAsync(Some.Key(), Some.Instant.AddDays(30)));
    }

    [Fact]
    public async Task AReferenceToAnExistingVersionIsIndexedBothWays()
    {
        var charter = Some.Key("agent");
        var first = (await Store.AppendAsync(Some.Append(charter, Some.Document(1)))).Head;
        await Store.AppendAsync(Some.Append(charter, Some.Document(2)));
        var decision = Some.Key("decision");
        var pin = new PinnedRef(charter, 1, first.Hash);

        await Store.AppendAsync(Some.Append(decision, Some.Document(10)) with { References = [pin] });
        await Store.AppendAsync(Some.Append(decision, Some.Document(11)) with { References = [pin] });
        var other = Some.Key("decision");
        await Store.AppendAsync(Some.Append(other, Some.Document(12)) with { References = [pin, pin] });

        var referrers = await Store.FindReferrersAsync(charter, 1);
        var expected = new[] { VersionRef.ForVersion(decision, 1), VersionRef.ForVersion(decision, 2), VersionRef.ForVersion(other, 1) }
            .OrderBy(r => r.Key.Id, StringComparer.Ordinal).ThenBy(r => r.Version);
        Assert.Equal(expected, referrers);
        Assert.Empty(await Store.FindReferrersAsync(charter, 2));
    }

    [Fact]
    public async Task AReferenceToAMissingVersionIsRejectedAndNothingIsWritten()
    {
        var charter = Some.Key("agent");
        await Store.AppendAsync(Some.Append(charter, Some.Document(1)));
        var decision = Some.Key("decision");

        var error = await Assert.ThrowsAsync<InvalidReferenceException>(() => Store.AppendAsync(
            Some.Append(decision, Some.Document(10)) with { References = [new PinnedRef(charter, 2, Some.Document(1).Hash)] }));

        Assert.Contains($"{charter}@2", error.Message, StringComparison.Ordinal);
        Assert.Contains("no such version", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await Store.CountVersionsAsync(decision));
        Assert.Empty(await Store.ListEntitiesAsync("decision").Where(h => h.Key == decision).ToArrayAsync());
    }

    [Fact]
    public async Task AReferenceWhoseHashDoesNotMatchIsRejected()
    {
        var charter = Some.Key("agent");
        await Store.AppendAsync(Some.Append(charter, Some.Document(1)));
        var decision = Some.Key("decision");
        await Store.AppendAsync(Some.Append(decision, Some.Document(9)));

        var error = await Assert.ThrowsAsync<InvalidReferenceException>(() => Store.AppendAsync(
            Some.Append(decision, Some.Document(10)) with { References = [new PinnedRef(charter, 1, Some.Document(2).Hash)] }));

        Assert.Contains(Some.Document(1).Hash.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Equal(1, await Store.CountVersionsAsync(decision));
        Assert.Empty(await Store.FindReferrersAsync(charter, 1));
    }
}
