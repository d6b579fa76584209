using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// The change feed: what lands after subscribing, in order, filtered by kind.
public abstract partial class VersionStoreContract
{
    [Fact]
    public async Task AFeedReportsEveryVersionAppendedAfterItOpenedInOrder()
    {
        var kind = "feed-" + Some.Id("k");
        var before = EntityKey.Create(kind, "before");
        await Store.AppendAsync(Some.Append(before, Some.Document(0)));
        await using var all = await Store.SubscribeAsync();
        await using var ofKind = await Store.SubscribeAsync(kind);

        var key = EntityKey.Create(kind, "a");
        var appended = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            var head = (await Store.AppendAsync(Some.Append(key, Some.Document(n)))).Head;
            appended.Add($"{head.Ref} {head.Hash}");
        }

        var elsewhere = (await Store.AppendAsync(Some.Append(Some.Key("other-kind"), Some.Document(9)))).Head;
        await Store.AppendAsync(Some.Append(key, Some.Document(3)));

        Assert.Equal(appended, await TakeAsync(ofKind, 3));
        Assert.Equal([.. appended, $"{elsewhere.Ref} {elsewhere.Hash}"], await TakeAsync(all, 4));
    }

    // Reads a known number of events; the token only keeps a broken feed from hanging the run.
    private static async Task<List<string>> TakeAsync(IChangeFeed feed, int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var events = new List<string>();
        await foreach (var @event in feed.ReadAsync(guard.Token))
        {
            events.Add(@event.ToString());
            if (events.Count == count)
            {
                break;
            }
        }

        return events;
    }
}
