using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Testing.Support;

namespace Verso.Server.Tests.Guards;

/// <summary>
/// Authorization is endpoint metadata: every operation under <c>/api/v1</c> declares who may call it, and the
/// one access filter enforces it. An endpoint mapped without <c>RequireRole</c> fails here (and answers 500
/// when called), so no endpoint can be served to everyone by omission.
/// </summary>
public sealed class AccessMetadataTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private VersoApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        _factory = new VersoApiFactory(store);
        _ = _factory.CreateClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    private List<RouteEndpoint> ApiEndpoints() =>
        [.. _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal))];

    [Fact]
    public void EveryApiOperationDeclaresTheRoleItNeeds()
    {
        var endpoints = ApiEndpoints();
        Assert.True(endpoints.Count >= 25, $"only {endpoints.Count} endpoints mapped");
        var undeclared = endpoints.Where(e => e.Metadata.GetMetadata<ApiAccessRequirement>() is null).Select(Describe).ToList();
        Assert.True(undeclared.Count == 0, $"no RequireRole on: {string.Join(", ", undeclared)}");
    }

    [Fact]
    public void EveryOperationThatChangesTheStoreNeedsAtLeastAWriter()
    {
        // A merge is a read unless its body asks to save it; the handler then demands a writer for the kind.
        string[] readsByPost = ["POST /api/v1/entities/{kind}/{id}/merge"];
        var open = ApiEndpoints()
            .Where(e => Method(e) is not "GET" && e.Metadata.GetMetadata<ApiAccessRequirement>()?.Role < ApiRole.Writer)
            .Select(Describe)
            .Where(d => !readsByPost.Contains(d))
            .ToList();
        Assert.True(open.Count == 0, $"a reader may call: {string.Join(", ", open)}");
    }

    [Theory]
    [InlineData("POST /api/v1/decisions", ApiRole.Writer)]
    [InlineData("GET /api/v1/entities/{kind}/{id}/rollouts/{label}/report", ApiRole.Reader)]
    public void TheAgentsFaceEndpointsDeclareTheirRoleInTheSameGroup(string endpoint, ApiRole role)
    {
        // Mapped by Verso.Agents.Http, not by the server: its role is declared all the same.
        var mapped = Assert.Single(ApiEndpoints(), e => Describe(e) == endpoint);
        Assert.Equal(role, mapped.Metadata.GetMetadata<ApiAccessRequirement>()?.Role);
    }

    private static string Method(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Single();

    private static string Describe(RouteEndpoint endpoint) => $"{Method(endpoint)} {endpoint.RoutePattern.RawText}";
}
