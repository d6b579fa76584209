using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Signatures;

public sealed class SignedEventTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task SignedTagMovesAndPolicyChangesVerifyAndAnUnsignedOrRewrittenMoveIsNamed()
    {
        await SavedAsync();
        await _verso.RunAsync("key", "new", "ops");
        var use = await _verso.RunAsync("key", "use", "ops.pub", "--by", "admin");
        _verso.WriteFile("policy.json", """{"required_checks":["evals"]}""");
        _verso.WithEnvironment("VERSO_SIGNING_KEY", "ops.key");
        await _verso.RunAsync("tag", "note/alice@1", "production", "--by", "ops");
        var policy = await _verso.RunAsync("save", "policy", "tag.staging", "policy.json", "--by", "admin");
        var signed = await _verso.RunAsync("verify");
        _verso.WithEnvironment("VERSO_SIGNING_KEY", "");
        await _verso.RunAsync("tag", "note/alice@2", "production", "--by", "mallory");
        var unsigned = await _verso.RunAsync("verify");

        Assert.True(use.ExitCode == 0, use.ToString());
        Assert.True(policy.ExitCode == 0, policy.ToString());
        Assert.True(signed.ExitCode == 0, signed.ToString());
        Assert.Equal(1, unsigned.ExitCode);
        Assert.Contains("broken note/alice@2: its tag move of production (by mallory) is not signed", unsigned.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMoveRewrittenInTheDatabaseAfterItWasSignedNoLongerVerifies()
    {
        await SavedAsync();
        await _verso.RunAsync("key", "new", "ops");
        await _verso.RunAsync("key", "use", "ops.pub", "--by", "admin");
        _verso.WithEnvironment("VERSO_SIGNING_KEY", "ops.key");
        await _verso.RunAsync("tag", "note/alice@2", "production", "--by", "ops", "--reason", "release");
        var before = await _verso.RunAsync("verify");
        await ExecuteAsync("UPDATE tag_history SET reason = 'nothing to see';");

        var after = await _verso.RunAsync("verify");

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.Equal(1, after.ExitCode);
        Assert.Contains("the signature of its tag move of production (by ops) is over another event", after.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheServerSignsTheTagMovesItMakesWithTheKeyTheStoreNames()
    {
        await SavedAsync();
        await _verso.RunAsync("key", "new", "ops");
        await _verso.RunAsync("key", "new", "other");
        var notAsked = await _verso.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--signing-key", "ops.key");
        await _verso.RunAsync("key", "use", "ops.pub", "--by", "admin");
        var missing = await _verso.RunAsync("serve", "--urls", "http://127.0.0.1:0");
        var wrong = await _verso.RunAsync("serve", "--urls", "http://127.0.0.1:0", "--signing-key", "other.key");

        HttpResponseMessage moved;
        System.Text.Json.JsonElement signatures;
        await using (var serve = await ServeProcess.StartAsync(_verso.PathOf("verso.db"), _verso.Directory.Path, "--signing-key", "ops.key"))
        {
            using var client = serve.Client();
            moved = await client.PutAsJsonAsync("/api/v1/entities/note/alice/tags/production", new { version = 2, reason = "release" });
            // A move past the server, unsigned: the page's mark must tell the two apart.
            await _verso.RunAsync("tag", "note/alice@1", "production", "--by", "mallory");
            signatures = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/entities/note/alice/tags/production/signatures");
        }

        var verify = await _verso.RunAsync("verify");
        var keyId = (await _verso.RunAsync("--json", "key", "new", "unused")).Json();

        Assert.Equal(2, notAsked.ExitCode);
        Assert.Contains("does not ask for signed events", notAsked.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("give --signing-key KEY", missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, wrong.ExitCode);
        Assert.True(moved.IsSuccessStatusCode, moved.StatusCode.ToString());
        var moves = signatures.GetProperty("moves").EnumerateArray().ToList();
        Assert.Equal(2, moves.Count);
        Assert.Equal(signatures.GetProperty("signing_key").GetString(), moves[0].GetProperty("signed_by").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, moves[1].GetProperty("signed_by").ValueKind);
        Assert.NotEqual(keyId.GetProperty("key_id").GetString(), signatures.GetProperty("signing_key").GetString());
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("its tag move of production (by mallory) is not signed", verify.Stdout, StringComparison.Ordinal);
    }

    private async Task SavedAsync()
    {
        await _verso.InitializedAsync();
        for (var n = 1; n <= 2; n++)
        {
            _verso.WriteFile("v.json", $$"""{"n":{{n}}}""");
            var saved = await _verso.RunAsync("save", "note", "alice", "v.json", "--by", "ops", "--new-kind");
            Assert.True(saved.ExitCode == 0, saved.ToString());
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using (var connection = new SqliteConnection($"Data Source={_verso.PathOf("verso.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
    }
}
