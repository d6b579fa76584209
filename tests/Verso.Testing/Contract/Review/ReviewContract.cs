using System.Text;
using Verso.Governance.ChangeRequests;
using Verso.Governance.Checks;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Testing.Contract.Review;

/// <summary>
/// Change requests, reviews, checks and policies on a real store. Every backend subclasses this once:
/// the rules live above the store contract, so each backend must keep them all the same.
/// </summary>
public abstract partial class ReviewContract : IAsyncLifetime
{
    private IVersionStore? _store;

    /// <summary>The store under test: fresh and initialized for each test.</summary>
    protected IVersionStore Store => _store ?? throw new InvalidOperationException("store not created");

    /// <summary>The clock every service here stamps with.</summary>
    protected FakeTimeProvider Clock { get; } = new(Some.Instant);

    /// <summary>The versioning service over <see cref="Store"/>.</summary>
    protected VersioningService Versions { get; private set; } = null!;

    /// <summary>The change request service.</summary>
    protected ChangeRequestService Requests { get; private set; } = null!;

    /// <summary>The check service.</summary>
    protected CheckService Checks { get; private set; } = null!;

    /// <summary>Creates a fresh, initialized, empty store.</summary>
    protected abstract Task<IVersionStore> CreateStoreAsync();

    /// <summary>Releases what <see cref="CreateStoreAsync"/> made.</summary>
    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        Versions = new VersioningService(_store, new KindRegistry(), Clock);
        Requests = new ChangeRequestService(Versions);
        Checks = new CheckService(Versions);
    }

    public Task DisposeAsync() => DisposeStoreAsync();

    protected static Actor Ann { get; } = new("ann");

    protected static Actor Bob { get; } = new("bob");

    protected static Actor Carol { get; } = new("carol");

    protected static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary>Saves <paramref name="json"/> directly as the next version of <paramref name="key"/>.</summary>
    protected async Task<int> SaveAsync(EntityKey key, string json, string by = "ops")
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        return (await Versions.SaveAsync(key, Utf8(json), new SaveOptions(by))).Head.Version;
    }

    /// <summary>Saves a policy for a scope (policy/kind.agent, policy/tag.production …).</summary>
    protected Task<int> PolicyAsync(string id, string json) => SaveAsync(EntityKey.Create("policy", id), json, "admin");

    /// <summary>A new charter entity with one version.</summary>
    protected async Task<EntityKey> CharterAsync(string text = "Be kind.")
    {
        var key = Some.Key("charter");
        await SaveAsync(key, $$"""{"text":"{{text}}","tone":"warm"}""");
        return key;
    }
}
