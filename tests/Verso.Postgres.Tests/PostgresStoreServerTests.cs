using Verso.Errors;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

namespace Verso.Postgres.Tests;

/// <summary>What only the PostgreSQL store has: a server to reach, credentials, a schema in a database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreServerTests(PostgresServerFixture postgres)
{
    private PostgresServer Server => postgres.Server;

    [Fact]
    public async Task AWrongPasswordIsOneClearLine()
    {
        var uri = await Server.CreateDatabaseAsync();
        await using var store = new PostgresVersionStore(uri.Replace(PostgresServer.Password, "wrong", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.InitializeAsync());

        Assert.Contains("password authentication failed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task AnUnreachableServerIsOneClearLine()
    {
        await using var store = new PostgresVersionStore("postgres://verso:x@127.0.0.1:1/verso");

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.GetLatestAsync(Some.Key()));

        Assert.Contains("127.0.0.1:1/verso", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot connect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseThatWasNeverInitializedSaysToRunInit()
    {
        await using var store = new PostgresVersionStore(await Server.CreateDatabaseAsync());

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => store.AppendAsync(Some.Append(Some.Key(), Some.Document(1))));

        Assert.Contains("verso init", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InitIsSafeToRepeatAndToRunConcurrently()
    {
        var uri = await Server.CreateDatabaseAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => new PostgresVersionStore(uri)).ToArray();

        var upgrades = await Task.WhenAll(stores.Select(s => s.InitializeAsync()));
        var again = await stores[0].InitializeAsync();

        Assert.Single(upgrades, u => u.FromVersion == 0);
        Assert.All(upgrades, u => Assert.Equal(9, u.ToVersion));
        Assert.False(again.Changed);
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("postgres://alice:s%40cret@db.example:6543/configs?sslmode=require", "Host=db.example;Port=6543;Database=configs;Username=alice;Password=s@cret;SSL Mode=Require")]
    [InlineData("postgresql://bob@localhost/verso", "Host=localhost;Port=5432;Database=verso;Username=bob")]
    public void UrisBecomeNpgsqlConnectionStrings(string uri, string expected)
    {
        var actual = new Npgsql.NpgsqlConnectionStringBuilder(PostgresConnectionStrings.ToNpgsql(uri));

        Assert.True(actual.EquivalentTo(new Npgsql.NpgsqlConnectionStringBuilder(expected)), actual.ConnectionString);
    }

    [Theory]
    [InlineData("postgres://host-only")]
    [InlineData("postgres://u:p@h:5432/")]
    [InlineData("postgres://u:p@h:5432/db?no_such_option=1")]
    public void MalformedUrisAreRejected(string uri) =>
        Assert.Throws<FormatException>(() => PostgresConnectionStrings.ToNpgsql(uri));
}
