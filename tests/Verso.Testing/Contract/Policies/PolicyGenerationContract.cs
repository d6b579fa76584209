using System.Text;
using Verso.Errors;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Testing.Contract.Policies;

/// <summary>
/// The versioning service keeps the policies it read until the store says a policy record changed. A policy
/// saved, changed or erased through ANOTHER store object on the same data (another process, another instance)
/// must hold from this service's very next save: the kept policies may never be stale.
/// </summary>
public abstract class PolicyGenerationContract : IAsyncLifetime
{
    private readonly List<IVersionStore> _stores = [];

    /// <summary>A fresh, initialized, empty store.</summary>
    protected abstract Task<IVersionStore> CreateStoreAsync();

    /// <summary>A second store object over the same data as the one <see cref="CreateStoreAsync"/> made.</summary>
    protected abstract Task<IVersionStore> OpenAgainAsync();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            if (store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task APolicySavedThroughAnotherStoreHoldsFromTheNextSave()
    {
        var here = Service(await Keep(CreateStoreAsync()));
        var there = Service(await Keep(OpenAgainAsync()));
        var key = EntityKey.Create("charter", Some.Id());
        var policy = EntityKey.Create(PolicyKinds.PolicyKind, $"entity.{key.Kind}.{key.Id}");
        // Changed saves in a row: the second and third are answered from the kept (empty) policies.
        for (var n = 1; n <= 3; n++)
        {
            Assert.Equal(n, (await SaveAsync(here, key, $$"""{"text":"v{{n}}"}""")).Head.Version);
        }

        await SaveAsync(there, policy, """{"direct_saves":false}""");
        var refused = await Assert.ThrowsAsync<RefusedException>(() => SaveAsync(here, key, """{"text":"v4"}"""));

        await SaveAsync(there, policy, """{"direct_saves":true}""");
        var allowed = await SaveAsync(here, key, """{"text":"v4"}""");

        await SaveAsync(there, EntityKey.Create(PolicyKinds.PolicyKind, $"kind.{key.Kind}"), """{"direct_saves":false}""");
        var byKind = await Assert.ThrowsAsync<RefusedException>(() => SaveAsync(here, key, """{"text":"v5"}"""));

        Assert.Equal((PolicyRules.DirectSaves, $"{policy}@1"), (refused.Rule, refused.Policy));
        Assert.Equal((AppendOutcome.Created, 4), (allowed.Outcome, allowed.Head.Version));
        Assert.Equal((PolicyRules.DirectSaves, $"policy/kind.{key.Kind}@1"), (byKind.Rule, byKind.Policy));
        Assert.Equal(4, await here.Store.CountVersionsAsync(key));
    }

    [Fact]
    public async Task APolicyWhoseContentAnotherStoreErasedGovernsNothingFromTheNextSave()
    {
        var here = Service(await Keep(CreateStoreAsync()));
        var there = await Keep(OpenAgainAsync());
        var key = EntityKey.Create("charter", Some.Id());
        var policy = EntityKey.Create(PolicyKinds.PolicyKind, $"kind.{key.Kind}");
        var saved = await SaveAsync(Service(there), policy, """{"direct_saves":false}""");
        await Assert.ThrowsAsync<RefusedException>(() => SaveAsync(here, key, """{"text":"v1"}"""));

        // Straight in the store: the head keeps its number, only its content goes (no new version moves the head).
        await there.EraseAsync(policy, saved.Head.Hash, new ContentRemoval(ContentRemovalKind.Erased, "admin", Some.Instant, "gone"));
        var allowed = await SaveAsync(here, key, """{"text":"v1"}""");

        Assert.Equal((AppendOutcome.Created, 1), (allowed.Outcome, allowed.Head.Version));
    }

    private async Task<IVersionStore> Keep(Task<IVersionStore> opening)
    {
        var store = await opening;
        _stores.Add(store);
        return store;
    }

    private static VersioningService Service(IVersionStore store) => new(store, new KindRegistry());

    private static Task<AppendResult> SaveAsync(VersioningService service, EntityKey key, string json) =>
        service.SaveAsync(key, Encoding.UTF8.GetBytes(json), new SaveOptions("admin"));
}
