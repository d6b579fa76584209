using System.Security.Cryptography;
using Verso.Errors;
using Verso.Naming;
using Verso.Testing.Support;

namespace Verso.Sqlite.Tests;

/// <summary>
/// The store translates SQLite's errors where it calls the driver: a library caller (and so the server)
/// meets the same <see cref="StoreFailureException"/> the CLI reports, never a SqliteException.
/// </summary>
public sealed class SqliteFaultBoundaryTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task AFileAtItsPageLimitFailsAsDiskFullAndRemembersItUntilAWriteSucceeds()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        var key = EntityKey.Create("doc", "big");
        store.ExtraPragmas = "PRAGMA max_page_count = 1;";

        var full = await Assert.ThrowsAsync<StoreFailureException>(() => store.AppendAsync(Some.Append(key, Large())));

        Assert.Equal(StoreFailureCause.DiskFull, full.Cause);
        Assert.Same(full, store.WriteFault);
        // A read is not a write: the fault stays until a write gets through.
        Assert.Equal(0, await store.CountVersionsAsync(key));
        Assert.Same(full, store.WriteFault);

        store.ExtraPragmas = "PRAGMA max_page_count = 1073741823;";
        await store.AppendAsync(Some.Append(key, Large()));
        Assert.Null(store.WriteFault);
    }

    [Fact]
    public async Task AReadOnlyConnectionFailsAsReadOnlyForEveryKindOfWrite()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        var key = Some.Key();
        await store.AppendAsync(Some.Append(key, Some.Document(1)));
        store.ExtraPragmas = "PRAGMA query_only = ON;";

        var append = await Assert.ThrowsAsync<StoreFailureException>(() => store.AppendAsync(Some.Append(key, Some.Document(2))));
        var tag = await Assert.ThrowsAsync<StoreFailureException>(() => store.MoveTagAsync(new Storage.TagMove(key, "live", null, 1, "ops", Some.Instant, null)));

        Assert.Equal(StoreFailureCause.ReadOnly, append.Cause);
        Assert.Equal(StoreFailureCause.ReadOnly, tag.Cause);
        Assert.Equal(StoreFailureCause.ReadOnly, store.WriteFault?.Cause);
        Assert.Equal(1, (await store.GetLatestAsync(key))!.Version);
    }

    private static Documents.Canonical.CanonicalDocument Large() =>
        Some.Json($$"""{"text":"{{Convert.ToHexString(RandomNumberGenerator.GetBytes(64 * 1024))}}"}""");
}
