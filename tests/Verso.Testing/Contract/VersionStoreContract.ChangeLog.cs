using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// The change log: every append once, in commit order, resumable after any sequence, filtered by kind.
public abstract partial class VersionStoreContract
{
    private IChangeLog Log => Assert.IsAssignableFrom<IChangeLog>(Store);

    [Fact]
    public async Task TheChangeLogListsEveryAppendOnceInOrderAfterASequence()
    {
        var start = await Log.GetLastSequenceAsync();
        var kind = "log-" + Some.Id("k");
        var key = EntityKey.Create(kind, "a");
        var other = Some.Key("other-kind");
        var appended = new List<string>();
        foreach (var (target, n) in new[] { (key, 1), (other, 1), (key, 2), (key, 2), (key, 3) })
        {
            var result = await Store.AppendAsync(Some.Append(target, Some.Document(n)));
            if (result.Outcome == AppendOutcome.Created)
            {
                appended.Add(result.Head.Ref.ToString());
            }
        }

        var all = await Log.ReadChangesAsync(start, 100);
        Assert.Equal(appended, all.Select(c => c.Ref.ToString()));
        Assert.Equal(all.Select(c => c.Sequence).Order(), all.Select(c => c.Sequence));
        Assert.Equal(all.Count, all.Select(c => c.Sequence).Distinct().Count());
        Assert.Equal(all[^1].Sequence, await Log.GetLastSequenceAsync());
        Assert.Equal("tester", all[0].SavedBy);

        var resumed = await Log.ReadChangesAsync(all[1].Sequence, 100);
        Assert.Equal(appended.Skip(2), resumed.Select(c => c.Ref.ToString()));
        var ofKind = await Log.ReadChangesAsync(start, 2, kind);
        Assert.Equal([$"{kind}/a@1", $"{kind}/a@2"], ofKind.Select(c => c.Ref.ToString()));
    }

    [Fact]
    public async Task ConcurrentAppendsGetDistinctSequencesThatAReaderSeesWithoutGaps()
    {
        var start = await Log.GetLastSequenceAsync();
        var kind = "log-" + Some.Id("k");
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async writer =>
        {
            var key = EntityKey.Create(kind, "w" + writer);
            for (var n = 1; n <= 5; n++)
            {
                await Store.AppendAsync(Some.Append(key, Some.Document(n)));
            }
        }));

        var entries = await Log.ReadChangesAsync(start, 1000, kind);
        Assert.Equal(40, entries.Count);
        Assert.Equal(40, entries.Select(e => e.Sequence).Distinct().Count());
        // Per entity, the log lists versions 1..5 in order.
        Assert.All(entries.GroupBy(e => e.Ref.Key.Id), g => Assert.Equal([1, 2, 3, 4, 5], g.Select(e => e.Ref.Version)));
    }
}
