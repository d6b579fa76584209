using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Verso.Naming;
using Verso.Server.Security;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Server.Tests.Mcp;

/// <summary>
/// Verso over MCP with the official C# SDK's client, run on every store and both transports: each test gets a
/// fresh store with alice's and ravi's charters, an admin token (quinn), an agent token (writer limited to
/// agent, decision and change-request) and a token limited to another kind.
/// </summary>
public abstract partial class McpContract : IAsyncLifetime
{
    protected McpHost Host { get; private set; } = null!;

    protected IVersionStore Store => Host.Store;

    protected string AdminToken { get; private set; } = "";

    protected string AgentToken { get; private set; } = "";

    protected string DocsToken { get; private set; } = "";

    protected string DeciderToken { get; private set; } = "";

    protected abstract Task<IVersionStore> CreateStoreAsync();

    /// <summary>Whether the clients reach the server over streamable HTTP (else the stdio server over pipes).</summary>
    protected abstract bool OverHttp { get; }

    public async Task InitializeAsync()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync();
        Host = new McpHost(store);
        var tokens = new TokenStore(store);
        AdminToken = (await tokens.AddAsync("quinn", ApiRole.Admin, [], actAs: false, "ann")).Token;
        AgentToken = (await tokens.AddAsync("agent-alice", ApiRole.Writer, ["agent", "decision", "change-request"], actAs: false, "ann")).Token;
        DocsToken = (await tokens.AddAsync("docs", ApiRole.Writer, ["doc"], actAs: false, "ann")).Token;
        DeciderToken = (await tokens.AddAsync("decider", ApiRole.Writer, ["decision", "change-request"], actAs: false, "ann")).Token;
        var service = Host.Services.GetService(typeof(VersioningService)) as VersioningService ?? throw new InvalidOperationException("no versioning service");
        await service.SaveAsync(EntityKey.Create("agent", "alice"), SampleOrganization.Bytes("agent", "alice"), new SaveOptions("ann") { Message = "first charter" });
        await service.SaveAsync(EntityKey.Create("agent", "ravi"), SampleOrganization.Bytes("agent", "ravi"), new SaveOptions("ann") { Message = "first charter" });
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        if (Store is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }

    /// <summary>A client acting as <paramref name="token"/>.</summary>
    protected async Task<McpClient> ConnectAsync(string token)
    {
        if (OverHttp)
        {
            return await Host.ConnectHttpAsync(token);
        }

        var (caller, failure) = await new TokenStore(Store).AuthenticateAsync(token);
        return await Host.ConnectStdioAsync(caller ?? throw new InvalidOperationException(failure));
    }

    /// <summary>Tool arguments from JSON text (the SDK serializes JSON elements as they are).</summary>
    protected static Dictionary<string, object?> Args(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
    }

    /// <summary>Calls a tool that must succeed; answers its structured result.</summary>
    protected static async Task<JsonObject> CallAsync(McpClient client, string tool, string json)
    {
        var result = await client.CallToolAsync(tool, Args(json));
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.True(result.IsError is not true, $"{tool} failed: {text}");
        var structured = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!.AsObject();
        // The text content is the same document, for hosts that read only text.
        Assert.True(JsonNode.DeepEquals(structured, JsonNode.Parse(text)), "text and structured content differ");
        return structured;
    }

    /// <summary>Calls a tool that must fail as a tool error; answers the problem it carries.</summary>
    protected static async Task<JsonObject> FailAsync(McpClient client, string tool, string json)
    {
        var result = await client.CallToolAsync(tool, Args(json));
        Assert.True(result.IsError, $"{tool} did not fail");
        var problem = JsonNode.Parse(result.StructuredContent!.Value.GetRawText())!.AsObject();
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        // One line: the problem's message and its type.
        Assert.Equal($"{problem["detail"]!.GetValue<string>()} ({problem["type"]!.GetValue<string>()})", text);
        Assert.DoesNotContain('\n', text);
        return problem;
    }

    protected static string Text(JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("missing string");

    [Fact]
    public async Task TheToolsReadPinAndProposeEachWithAStrictSchema()
    {
        await using var client = await ConnectAsync(AgentToken);

        var tools = await client.ListToolsAsync();

        Assert.Equal(
            ["blame", "change_request", "compat", "diff", "get_version", "list_versions", "promotion", "propose_change", "record_decision", "resolve"],
            tools.Select(t => t.Name).Order(StringComparer.Ordinal));
        foreach (var tool in tools.Select(t => t.ProtocolTool))
        {
            Assert.Equal("object", tool.InputSchema.GetProperty("type").GetString());
            Assert.False(tool.InputSchema.GetProperty("additionalProperties").GetBoolean());
            Assert.Equal("object", tool.OutputSchema!.Value.GetProperty("type").GetString());
            var writes = tool.Name is "record_decision" or "propose_change";
            Assert.Equal(!writes, tool.Annotations!.ReadOnlyHint);
        }
    }

    [Fact]
    public async Task ErrorsAreToolErrorsCarryingTheProblemsLineAndType()
    {
        await using var client = await ConnectAsync(AgentToken);

        var missing = await FailAsync(client, "get_version", """{"ref":"agent/nobody"}""");
        Assert.Equal("urn:verso:problem:not-found", Text(missing["type"]));
        Assert.Equal(404, missing["status"]!.GetValue<int>());

        var unknown = await FailAsync(client, "resolve", """{"ref":"agent/alice","version":3}""");
        Assert.Equal("urn:verso:problem:invalid-parameter", Text(unknown["type"]));
        Assert.Equal("version", Text(unknown["parameter"]));

        var badRef = await FailAsync(client, "diff", """{"from":"agent/alice@@1"}""");
        Assert.Equal("from", Text(badRef["parameter"]));

        var badLimit = await FailAsync(client, "list_versions", """{"kind":"agent","id":"alice","limit":0}""");
        Assert.Contains("'limit' must be from 1 to 200", Text(badLimit["detail"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKindLimitedTokenIsRefusedOutsideItsKindsAndReservedKindsAreNeverServed()
    {
        await using var docs = await ConnectAsync(DocsToken);
        var forbidden = await FailAsync(docs, "resolve", """{"ref":"agent/alice"}""");
        Assert.Equal("urn:verso:problem:forbidden", Text(forbidden["type"]));
        Assert.Contains("limited to kinds doc", Text(forbidden["detail"]), StringComparison.Ordinal);

        // As on the REST API, a writer limited to decisions records one (the pins are checked, not served).
        await using var decider = await ConnectAsync(DeciderToken);
        var now = Naming.Timestamp.Format(DateTimeOffset.UtcNow);
        var decision = await CallAsync(decider, "record_decision", $$"""{"task":"t-9","executor":"alice","reviewer":"ravi","decision":"approved","started_at":"{{now}}"}""");
        Assert.Equal("decision/t-9@1", Text(decision["ref"]));
        Assert.Equal("urn:verso:problem:forbidden", Text((await FailAsync(decider, "propose_change", """{"kind":"agent","id":"alice","message":"m","record":{}}"""))["type"]));

        await using var admin = await ConnectAsync(AdminToken);
        var reserved = await FailAsync(admin, "get_version", """{"ref":"verso-token/quinn"}""");
        Assert.Equal("urn:verso:problem:forbidden", Text(reserved["type"]));
        await Assert.ThrowsAnyAsync<McpException>(() => admin.ReadResourceAsync("verso://verso-token/quinn@1").AsTask());
        await Assert.ThrowsAnyAsync<McpException>(() => docs.ReadResourceAsync("verso://agent/alice").AsTask());
    }
}
