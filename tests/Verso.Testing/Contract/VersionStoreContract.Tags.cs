using Verso.Errors;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// Tags: a pointer per name, and the append-only history of its moves.
public abstract partial class VersionStoreContract
{
    [Fact]
    public async Task ATagPointsAtAVersionAndMovingItKeepsItsHistory()
    {
        var key = Some.Key();
        for (var n = 1; n <= 3; n++)
        {
            await Store.AppendAsync(Some.Append(key, Some.Document(n)));
        }

        var first = await Store.MoveTagAsync(new TagMove(key, "production", null, 1, "alice", Some.Instant, "first release"));
        var second = await Store.MoveTagAsync(new TagMove(key, "production", null, 3, "bob", Some.Instant.AddHours(1), null));
        await Store.MoveTagAsync(new TagMove(key, "canary", null, 2, "bob", Some.Instant.AddHours(2), null));

        Assert.Equal((null, 1), (first!.FromVersion, first.ToVersion));
        Assert.Equal((1, 3), (second!.FromVersion, second.ToVersion));
        Assert.Equal(3, await Store.GetTagAsync(key, "production"));
        Assert.Equal([new EntityTag("canary", 2), new EntityTag("production", 3)], await Store.ListTagsAsync(key));
        Assert.Equal(
            [new TagMove(key, "canary", null, 2, "bob", Some.Instant.AddHours(2), null),
             new TagMove(key, "production", null, 1, "alice", Some.Instant, "first release"),
             new TagMove(key, "production", 1, 3, "bob", Some.Instant.AddHours(1), null)],
            await Store.GetTagHistoryAsync(key));
    }

    [Fact]
    public async Task MovingATagWhereItAlreadyPointsRecordsNothing()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        await Store.MoveTagAsync(new TagMove(key, "stable", null, 1, "alice", Some.Instant, null));

        var again = await Store.MoveTagAsync(new TagMove(key, "stable", null, 1, "bob", Some.Instant.AddHours(1), null));

        Assert.Null(again);
        Assert.Single(await Store.GetTagHistoryAsync(key));
    }

    [Fact]
    public async Task ATagOnAMissingVersionIsNotFoundAndTagsBelongToTheirEntity()
    {
        var key = Some.Key();
        var other = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        await Store.AppendAsync(Some.Append(other, Some.Document(1)));
        await Store.MoveTagAsync(new TagMove(other, "stable", null, 1, "alice", Some.Instant, null));

        await Assert.ThrowsAsync<NotFoundException>(() => Store.MoveTagAsync(new TagMove(key, "stable", null, 2, "alice", Some.Instant, null)));

        Assert.Null(await Store.GetTagAsync(key, "stable"));
        Assert.Empty(await Store.ListTagsAsync(key));
        Assert.Empty(await Store.GetTagHistoryAsync(key));
    }
}
