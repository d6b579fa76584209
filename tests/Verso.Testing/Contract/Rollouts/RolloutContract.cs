using System.Globalization;
using System.Text;
using Verso.Governance.Checks;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Testing.Contract.Rollouts;

/// <summary>
/// Rollouts on a real store: start, advance, promote, abort, resolve, the label's policy and the checks that guard
/// it, and servers racing each other. Every backend subclasses this once.
/// </summary>
public abstract partial class RolloutContract : IAsyncLifetime
{
    private IVersionStore? _store;

    /// <summary>The store under test: fresh and initialized for each test.</summary>
    protected IVersionStore Store => _store ?? throw new InvalidOperationException("store not created");

    /// <summary>The clock the services stamp with.</summary>
    protected FakeTimeProvider Clock { get; } = new(Some.Instant);

    /// <summary>The versioning service over <see cref="Store"/>.</summary>
    protected VersioningService Versions { get; private set; } = null!;

    /// <summary>The rollout service under test.</summary>
    protected RolloutService Rollouts { get; private set; } = null!;

    /// <summary>The check service (whose results guard rollouts).</summary>
    protected CheckService Checks { get; private set; } = null!;

    /// <summary>Creates a fresh, initialized, empty store.</summary>
    protected abstract Task<IVersionStore> CreateStoreAsync();

    /// <summary>
    /// A second store over the same data, as a second server would open it (its own connections); the in-memory
    /// store has no second opening and shares itself.
    /// </summary>
    protected virtual Task<IVersionStore> OpenSecondStoreAsync() => Task.FromResult(Store);

    /// <summary>Releases what <see cref="CreateStoreAsync"/> made.</summary>
    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        Versions = new VersioningService(_store, new KindRegistry(), Clock);
        Rollouts = new RolloutService(Versions);
        Checks = new CheckService(Versions);
    }

    /// <inheritdoc />
    public Task DisposeAsync() => DisposeStoreAsync();

    /// <summary>Subjects named subject-0 … subject-(n-1).</summary>
    protected static string[] Subjects(int count) =>
        [.. Enumerable.Range(0, count).Select(n => string.Create(CultureInfo.InvariantCulture, $"subject-{n}"))];

    /// <summary>A charter with <paramref name="versions"/> versions, its production tag on version 1.</summary>
    protected async Task<EntityKey> CharterAsync(int versions = 2)
    {
        var key = Some.Key("charter");
        for (var n = 1; n <= versions; n++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            await Versions.SaveAsync(key, Encoding.UTF8.GetBytes($$"""{"text":"charter {{n}}"}"""), new SaveOptions("ops"));
        }

        await Versions.TagAsync(VersionRef.ForVersion(key, 1), "production", "ops");
        return key;
    }

    /// <summary>Saves a policy for a scope (tag.production …).</summary>
    protected async Task PolicyAsync(string id, string json)
    {
        Clock.Advance(TimeSpan.FromSeconds(1));
        await Versions.SaveAsync(EntityKey.Create("policy", id), Encoding.UTF8.GetBytes(json), new SaveOptions("admin"));
    }

    /// <summary>Starts a rollout of version 2 on production at <paramref name="weight"/> with the usual steps.</summary>
    protected Task<Rollout> StartAsync(EntityKey key, int weight = 500, string? advanceOn = null) =>
        Rollouts.StartAsync(new RolloutStart(key, "production", 2, weight, "ops") { Steps = [500, 2_500, 5_000, 10_000], AdvanceOn = advanceOn });

    /// <summary>The version each subject is served now.</summary>
    protected async Task<int[]> ServedAsync(EntityKey key, IEnumerable<string> subjects)
    {
        var served = new List<int>();
        foreach (var subject in subjects)
        {
            served.Add((await Rollouts.ResolveAsync(key, "production", subject)).Version.Version);
        }

        return [.. served];
    }
}
