using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Server.Tests.Mcp;

public abstract partial class McpContract
{
    // What an MCP call may write: decisions, change requests and its own audit, nothing else.
    private static readonly string[] WritableKinds = ["decision", "change-request", "verso-mcp-audit"];

    [Theory]
    [InlineData("admin")]
    [InlineData("agent")]
    public async Task NoToolSavesAppliesApprovesOrTagsWhateverTheTokensRole(string role)
    {
        var token = role == "admin" ? AdminToken : AgentToken;
        await using var client = await ConnectAsync(token);
        var log = Assert.IsAssignableFrom<IChangeLog>(Store);
        var before = (await log.ReadChangesAsync(0, 10_000)).Select(c => c.Sequence).DefaultIfEmpty().Max();
        var alice = EntityKey.Create("agent", "alice");
        var first = await CallAsync(client, "resolve", """{"ref":"agent/alice"}""");
        var proposal = await CallAsync(client, "propose_change", $$"""{"kind":"agent","id":"alice","message":"m","record":{{first["content"]!.ToJsonString()}}}""".Replace("\"Alice", "\"Alicia", StringComparison.Ordinal));
        var cr = Text(proposal["change_request"]!["id"]);

        // Every tool, with arguments that succeed.
        await CallAsync(client, "get_version", """{"ref":"agent/alice@1"}""");
        await CallAsync(client, "list_versions", """{"kind":"agent","id":"alice","limit":5}""");
        await CallAsync(client, "diff", """{"from":"agent/alice@1","format":"patch"}""");
        await CallAsync(client, "compat", """{"a":"agent/alice@1","b":"agent/alice"}""");
        await CallAsync(client, "blame", """{"ref":"agent/alice"}""");
        await CallAsync(client, "change_request", $$"""{"cr":"{{cr}}"}""");
        await CallAsync(client, "promotion", """{"kind":"agent","id":"alice"}""");
        await CallAsync(client, "record_decision", $$"""{"task":"t-{{role}}","executor":"alice","reviewer":"ravi","decision":"escalated","started_at":"{{Text(first["resolved_at"])}}"}""");
        // The writes an agent never makes are not tools at all.
        foreach (var name in new[] { "apply", "approve", "review", "save", "tag", "rollback", "merge", "save_version", "apply_change_request" })
        {
            var refused = await Assert.ThrowsAnyAsync<McpException>(() => client.CallToolAsync(name, Args($$"""{"cr":"{{cr}}","ref":"agent/alice@1","name":"production"}""")).AsTask());
            Assert.Contains(name, refused.Message, StringComparison.Ordinal);
        }

        // A patch proposal leaves its entity as it is too.
        await CallAsync(client, "propose_change", """{"kind":"agent","id":"ravi","message":"m","patch":[{"op":"replace","path":"/name","value":"Ravi M."}]}""");

        var changes = (await log.ReadChangesAsync(before, 10_000)).ToList();
        Assert.NotEmpty(changes);
        Assert.All(changes, change => Assert.Contains(change.Ref.Key.Kind, WritableKinds));
        Assert.Equal(1, await Store.CountVersionsAsync(alice));
        Assert.Equal(1, await Store.CountVersionsAsync(EntityKey.Create("agent", "ravi")));
        Assert.Empty(await Store.ListTagsAsync(alice));
        Assert.Equal("open", Text(JsonNode.Parse((await CallAsync(client, "change_request", $$"""{"cr":"{{cr}}"}""")).ToJsonString())!["request"]!["status"]));
    }

    [Fact]
    public async Task ResourcesServeVersionsHeadsAndHistoriesWithTheirCacheHints()
    {
        await using var client = await ConnectAsync(AgentToken);

        var templates = await client.ListResourceTemplatesAsync();
        Assert.Equal(["verso://{kind}/{id}", "verso://{kind}/{id}/history", "verso://{kind}/{id}@{version}"],
            templates.Select(t => t.UriTemplate).Order(StringComparer.Ordinal));

        var version = await client.ReadResourceAsync("verso://agent/alice@1");
        Assert.Equal(TimeSpan.FromDays(365), version.TimeToLive);
        Assert.Equal(CacheScope.Public, version.CacheScope);
        var body = JsonNode.Parse(Assert.IsType<TextResourceContents>(Assert.Single(version.Contents)).Text)!;
        Assert.Equal("agent/alice@1", Text(body["ref"]));
        Assert.Equal("Alice Novak", Text(body["content"]!["name"]));

        var head = await client.ReadResourceAsync("verso://agent/ravi");
        Assert.Equal(TimeSpan.FromSeconds(5), head.TimeToLive);
        Assert.Equal(CacheScope.Private, head.CacheScope);

        var history = JsonNode.Parse(Assert.IsType<TextResourceContents>(Assert.Single((await client.ReadResourceAsync("verso://agent/alice/history")).Contents)).Text)!;
        Assert.Equal("first charter", Text(history["items"]![0]!["message"]));

        var listed = await client.ListResourcesAsync();
        Assert.Contains(listed, r => r.Uri == "verso://agent/alice");
        Assert.DoesNotContain(listed, r => r.Uri.StartsWith("verso://verso-", StringComparison.Ordinal));
        await Assert.ThrowsAnyAsync<McpException>(() => client.ReadResourceAsync("verso://agent/nobody").AsTask());
        await Assert.ThrowsAnyAsync<McpException>(() => client.ReadResourceAsync("verso://agent/alice@x").AsTask());
    }
}
