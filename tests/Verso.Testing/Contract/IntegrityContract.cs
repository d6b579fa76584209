using Verso.Hashing;
using Verso.Integrity;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

/// <summary>
/// Damage done behind the store's back — a flipped byte, an edited field, a deleted row — is found by
/// <see cref="IntegrityVerifier"/> and named by version. Each backend says how to do the damage.
/// </summary>
public abstract class IntegrityContract : IAsyncLifetime
{
    private IVersionStore? _store;

    protected IVersionStore Store => _store ?? throw new InvalidOperationException("store not created");

    protected abstract Task<IVersionStore> CreateStoreAsync();

    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    /// <summary>Changes one byte of the blob stored under <paramref name="hash"/>.</summary>
    protected abstract Task FlipByteInBlobAsync(ContentHash hash);

    /// <summary>Rewrites the saved_by of one version row.</summary>
    protected abstract Task SetSavedByAsync(EntityKey key, int version, string savedBy);

    /// <summary>Deletes one version row.</summary>
    protected abstract Task DeleteVersionAsync(EntityKey key, int version);

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync() => DisposeStoreAsync();

    [Fact]
    public async Task AnUntouchedStoreVerifiesIntact()
    {
        await SaveVersionsAsync(Some.Key(), 4);
        await SaveVersionsAsync(Some.Key("role"), 2);

        var report = await IntegrityVerifier.VerifyAsync(Store);

        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
        Assert.Equal((2, 6), (report.Entities, report.Versions));
    }

    [Fact]
    public async Task VerifyNamesExactlyTheDamagedVersions()
    {
        var key = Some.Key();
        var other = Some.Key();
        var saved = await SaveVersionsAsync(key, 6);
        await SaveVersionsAsync(other, 3);

        await FlipByteInBlobAsync(saved[1].Hash);
        await SetSavedByAsync(key, 3, "mallory");
        await DeleteVersionAsync(key, 5);
        var report = await IntegrityVerifier.VerifyAsync(Store);

        Assert.Equal(
            [$"{key}@2", $"{key}@3", $"{key}@5"],
            report.Problems.Select(p => p.Ref.ToString()).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(report.Problems, p => p.Ref.Version == 2 && p.Reason.Contains("does not hash", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Ref.Version == 3 && p.Reason.Contains("chain hash", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Ref.Version == 5 && p.Reason.Contains("missing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeletedHeadIsFoundFromTheEntityRow()
    {
        var key = Some.Key();
        await SaveVersionsAsync(key, 3);

        await DeleteVersionAsync(key, 3);
        var report = await IntegrityVerifier.VerifyAsync(Store);

        Assert.Equal($"{key}@3", Assert.Single(report.Problems).Ref.ToString());
    }

    private async Task<List<Snapshots.Snapshot>> SaveVersionsAsync(EntityKey key, int count)
    {
        var saved = new List<Snapshots.Snapshot>();
        for (var n = 1; n <= count; n++)
        {
            // Distinct per entity, so damaging one entity's blob cannot touch another's.
            var document = Some.Json($$"""{"entity":"{{key}}","n":{{n}}}""");
            saved.Add((await Store.AppendAsync(Some.Append(key, document))).Head);
        }

        return saved;
    }
}
