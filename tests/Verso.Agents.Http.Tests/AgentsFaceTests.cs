using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Verso.Server.Mcp;
using Verso.Testing.Support;

namespace Verso.Agents.Http.Tests;

/// <summary>
/// The Agents face plugged into the server: what it maps, where, and what the server is without it. The decision and
/// report answers themselves are checked where the whole server is composed (Verso.Server.Tests: golden bodies, API and
/// MCP contracts), since every face is there.
/// </summary>
public sealed class AgentsFaceTests
{
    // The task ran once both charters were saved: a decision is never recorded before its task executed.
    private static string Decision(string executedAt) => $$"""
        {"task":"task-1","executor":"alice","reviewer":"maya","decision":"approved","executed_at":"{{executedAt}}","reason":"tests pass"}
        """;

    [Fact]
    public async Task TheServerAloneHasNoDecisionsAndNoRecordDecisionTool()
    {
        await using var host = await FaceHost.StartAsync(faces: 0);

        var response = await host.Client.PostAsync("/api/v1/decisions", Body(Decision("2026-11-01T12:00:00Z")));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("record_decision", VersoMcpServer.ToolNames(host.App.Services));
        Assert.DoesNotContain("/decisions", await host.Client.GetStringAsync("/openapi/v1.json"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFaceRecordsADecisionPinnedToTheChartersInForce()
    {
        await using var host = await FaceHost.StartAsync(faces: 1);
        var (alice, _) = await SaveAsync(host, "alice");
        var (maya, savedAt) = await SaveAsync(host, "maya");

        var response = await host.Client.PostAsync("/api/v1/decisions", Body(Decision(savedAt)));

        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("decision/task-1@1", body["ref"]!.GetValue<string>());
        Assert.Equal($"/api/v1/entities/decision/task-1/versions/1", response.Headers.Location?.OriginalString);
        Assert.Equal([$"agent/alice@1 {alice}", $"agent/maya@1 {maya}"], body["pinned_charters"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task TheFacesEndpointsAreMappedAtTheirPlacesInTheApi()
    {
        await using var host = await FaceHost.StartAsync(faces: 1);
        var order = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText!).ToList();

        // Where MapVersoApi mapped them when the server owned them, so the OpenAPI document lists the paths as before.
        var decisions = order.IndexOf("/api/v1/decisions");
        Assert.Equal("/api/v1/entities/{kind}/{id}/merge", order[decisions - 1]);
        Assert.Equal("/api/v1/change-requests", order[decisions + 1]);
        var report = order.IndexOf("/api/v1/entities/{kind}/{id}/rollouts/{label}/report");
        Assert.Equal("/api/v1/entities/{kind}/{id}/rollouts/{label}/history", order[report - 1]);
        Assert.Equal("/api/v1/entities/{kind}/{id}/rollouts/{label}", order[report + 1]);
        Assert.Equal("record_decision", VersoMcpServer.ToolNames(host.App.Services)[6]);
    }

    [Fact]
    public async Task RegisteringTheFaceTwiceMapsItOnce()
    {
        await using var host = await FaceHost.StartAsync(faces: 2);

        var routes = host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToList();

        Assert.Single(routes, r => r == "/api/v1/decisions");
        Assert.Single(routes, r => r == "/api/v1/entities/{kind}/{id}/rollouts/{label}/report");
        Assert.Single(VersoMcpServer.ToolNames(host.App.Services), n => n == "record_decision");
    }

    private static async Task<(string Hash, string SavedAt)> SaveAsync(FaceHost host, string id)
    {
        var response = await host.Client.PutAsync($"/api/v1/entities/agent/{id}?saved_by=ops", Body(Encoding.UTF8.GetString(SampleOrganization.Bytes("agent", id))));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = JsonNode.Parse(await host.Client.GetStringAsync($"/api/v1/entities/agent/{id}"))!;
        return (saved["hash"]!.GetValue<string>(), saved["saved_at"]!.GetValue<string>());
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
