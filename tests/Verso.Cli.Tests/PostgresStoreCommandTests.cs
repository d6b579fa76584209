using Verso.Cli.Tests.Support;
using Verso.Testing.Postgres;

namespace Verso.Cli.Tests;

/// <summary>The same commands against a PostgreSQL store named by a postgres:// URI.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStoreCommandTests(PostgresServerFixture postgres) : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task InitSaveShowAndLogWorkOnAPostgresUri()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");
        _verso.WriteFile("b.json", """{"name":"Alice","level":"senior"}""");

        var init = await _verso.RunAsync("--store", uri, "init");
        var created = await _verso.RunAsync("--store", uri, "save", "--new-kind", "note", "alice", "a.json", "--by", "ops");
        var unchanged = await _verso.RunAsync("--store", uri, "save", "--new-kind", "note", "alice", "a.json", "--by", "ops");
        var second = await _verso.RunAsync("--store", uri, "save", "--new-kind", "note", "alice", "b.json", "--by", "ops");
        var conflict = await _verso.RunAsync("--store", uri, "save", "--new-kind", "note", "alice", "a.json", "--by", "ops", "--expect", "1");
        var shown = await _verso.RunAsync("--store", uri, "show", "note/alice@1", "--canonical");
        var log = (await _verso.RunAsync("--store", uri, "--json", "log", "note/alice")).Json();

        Assert.Equal(0, init.ExitCode);
        Assert.StartsWith("created 127.0.0.1:", init.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(PostgresServer.Password, init.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("created note/alice@1 sha256:", created.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("unchanged note/alice@1 ", unchanged.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("created note/alice@2 ", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, conflict.ExitCode);
        Assert.Equal("""{"name":"Alice"}""", shown.Stdout);
        Assert.Equal([2, 1], log.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task TheUriMayComeFromTheEnvironment()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        _verso.WithEnvironment("VERSO_STORE", uri);

        var init = await _verso.RunAsync("init");

        Assert.Equal(0, init.ExitCode);
        Assert.False(File.Exists(_verso.PathOf("verso.db")));
    }

    [Fact]
    public async Task AWrongPasswordExitsOneWithOneLine()
    {
        var database = new Uri(await postgres.Server.CreateDatabaseAsync()).AbsolutePath.TrimStart('/');

        var result = await _verso.RunAsync("--store", postgres.Server.UriFor(database, "not-the-password"), "init");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.Contains("password authentication failed", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableServerExitsOneWithOneLine()
    {
        var result = await _verso.RunAsync("--store", "postgres://verso:x@127.0.0.1:1/verso", "log", "note/alice");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("verso: PostgreSQL at 127.0.0.1:1/verso: cannot connect (Connection refused)\n", result.Stderr);
    }

    [Fact]
    public async Task AMalformedUriExitsTwo()
    {
        var result = await _verso.RunAsync("--store", "postgres://u:p@h:5432/", "init");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("names no database", result.Stderr, StringComparison.Ordinal);
    }
}
