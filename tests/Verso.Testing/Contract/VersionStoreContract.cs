using Verso.Errors;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

/// <summary>
/// The store contract. Every backend subclasses this once and passes all of it unchanged;
/// a backend-specific behaviour belongs in the backend's own tests, never here.
/// </summary>
public abstract partial class VersionStoreContract : IAsyncLifetime
{
    private IVersionStore? _store;

    /// <summary>The store under test: fresh and initialized for each test.</summary>
    protected IVersionStore Store => _store ?? throw new InvalidOperationException("store not created");

    /// <summary>Creates a fresh, initialized, empty store.</summary>
    protected abstract Task<IVersionStore> CreateStoreAsync();

    /// <summary>Releases what <see cref="CreateStoreAsync"/> made.</summary>
    protected virtual Task DisposeStoreAsync() => Task.CompletedTask;

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public Task DisposeAsync() => DisposeStoreAsync();

    [Fact]
    public async Task FirstSaveCreatesVersionOne()
    {
        var key = Some.Key();
        var result = await Store.AppendAsync(Some.Append(key, Some.Document(1)));

        Assert.Equal(AppendOutcome.Created, result.Outcome);
        Assert.Equal(1, result.Head.Version);
        Assert.Equal(Some.Document(1).Hash, result.Head.Hash);
        Assert.Equal(1, await Store.CountVersionsAsync(key));
    }

    [Fact]
    public async Task UnchangedContentDoesNotCreateAVersion()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        var again = await Store.AppendAsync(Some.Append(key, Some.Document(1), by: "someone else"));

        Assert.Equal(AppendOutcome.Unchanged, again.Outcome);
        Assert.Equal(1, again.Head.Version);
        Assert.Equal("tester", again.Head.SavedBy);
        Assert.Equal(1, await Store.CountVersionsAsync(key));
    }

    [Fact]
    public async Task ChangedContentCreatesTheNextVersion()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        var second = await Store.AppendAsync(Some.Append(key, Some.Document(2)));
        var backToFirst = await Store.AppendAsync(Some.Append(key, Some.Document(1)));

        Assert.Equal((AppendOutcome.Created, 2), (second.Outcome, second.Head.Version));
        Assert.Equal((AppendOutcome.Created, 3), (backToFirst.Outcome, backToFirst.Head.Version));
    }

    [Fact]
    public async Task ForceAppendsEvenWhenUnchanged()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        var forced = await Store.AppendAsync(Some.Append(key, Some.Document(1)) with { Force = true, Operation = VersionOperation.Force });

        Assert.Equal(AppendOutcome.Created, forced.Outcome);
        Assert.Equal(2, forced.Head.Version);
        Assert.Equal(VersionOperation.Force, (await Store.GetVersionAsync(key, 2))!.Operation);
    }

    [Fact]
    public async Task ExpectedVersionThatIsNotTheHeadConflictsNamingBothNumbers()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        await Store.AppendAsync(Some.Append(key, Some.Document(2)));

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(
            () => Store.AppendAsync(Some.Append(key, Some.Document(3)) with { ExpectedVersion = 5 }));

        Assert.Equal((5, 2), (conflict.ExpectedVersion, conflict.ActualVersion));
        Assert.Contains("5", conflict.Message, StringComparison.Ordinal);
        Assert.Contains("2", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(2, await Store.CountVersionsAsync(key));
    }

    [Fact]
    public async Task ExpectedVersionThatIsTheHeadAppends()
    {
        var key = Some.Key();
        var first = await Store.AppendAsync(Some.Append(key, Some.Document(1)) with { ExpectedVersion = 0 });
        var second = await Store.AppendAsync(Some.Append(key, Some.Document(2)) with { ExpectedVersion = 1 });

        Assert.Equal(1, first.Head.Version);
        Assert.Equal(2, second.Head.Version);
    }

    [Fact]
    public async Task ExpectingAVersionOfAMissingEntityConflictsWithZero()
    {
        var key = Some.Key();
        var conflict = await Assert.ThrowsAsync<VersionConflictException>(
            () => Store.AppendAsync(Some.Append(key, Some.Document(1)) with { ExpectedVersion = 1 }));

        Assert.Equal(0, conflict.ActualVersion);
        Assert.Null(await Store.GetLatestAsync(key));
        Assert.Equal(0, (await Store.GetStatisticsAsync()).Versions);
    }

    [Fact]
    public async Task EveryFieldOfAVersionReadsBackAsWritten()
    {
        var key = Some.Key();
        var savedAt = new DateTimeOffset(2026, 11, 2, 3, 4, 5, TimeSpan.Zero).AddTicks(1234560);
        var request = new AppendRequest(key, Some.Document(7), "ops <ops@example.com>", savedAt)
        {
            Message = "tighten the charter: é ✓ 😀",
            Operation = VersionOperation.Import,
            SchemaVersion = 3,
            RevertOf = 1,
        };
        var written = (await Store.AppendAsync(request)).Head;
        var read = await Store.GetVersionAsync(key, 1);

        Assert.NotNull(read);
        Assert.Equal(written, read);
        Assert.Equal(savedAt, read.SavedAt);
        Assert.Equal(TimeSpan.Zero, read.SavedAt.Offset);
        Assert.Equal(request.Message, read.Message);
        Assert.Equal(VersionOperation.Import, read.Operation);
        Assert.Equal(3, read.SchemaVersion);
        Assert.Equal(1, read.RevertOf);
        Assert.Equal(Some.Document(7).Utf8.ToArray(), read.Content.ToArray());
        Assert.Equal(ContentHash.Compute(read.Content.Span), read.Hash);
    }

    [Fact]
    public async Task AMissingMessageReadsBackAsNull()
    {
        var key = Some.Key();
        await Store.AppendAsync(Some.Append(key, Some.Document(1)));

        Assert.Null((await Store.GetLatestAsync(key))!.Message);
        Assert.Null((await Store.GetLatestAsync(key))!.RevertOf);
    }

    [Fact]
    public async Task MissingEntitiesAndVersionsReadAsNull()
    {
        var key = Some.Key();
        Assert.Null(await Store.GetLatestAsync(key));
        Assert.Null(await Store.GetVersionAsync(key, 1));
        Assert.Equal(0, await Store.CountVersionsAsync(key));

        await Store.AppendAsync(Some.Append(key, Some.Document(1)));
        Assert.Null(await Store.GetVersionAsync(key, 2));
        Assert.Null(await Store.GetVersionAsync(key, 0));
        Assert.Empty(await Store.FindByHashAsync(key, Prefix(Some.Document(2).Hash), 2));
    }

    [Fact]
    public async Task LatestIsTheNewestVersion()
    {
        var key = Some.Key();
        for (var n = 1; n <= 5; n++)
        {
            await Store.AppendAsync(Some.Append(key, Some.Document(n)));
        }

        var latest = await Store.GetLatestAsync(key);
        Assert.Equal(5, latest!.Version);
        Assert.Equal(Some.Document(5).Hash, latest.Hash);
    }

    private static ContentHashPrefix Prefix(ContentHash hash, int digits = ContentHash.HexLength)
    {
        Assert.True(ContentHashPrefix.TryParse(hash.Hex[..digits], out var prefix));
        return prefix;
    }
}
