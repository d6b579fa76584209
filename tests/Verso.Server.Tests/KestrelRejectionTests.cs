using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verso.Agents.Kinds;
using Verso.Model.Kinds;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Server.Tests;

/// <summary>
/// Case 11 of the security review: what real Kestrel refuses before the API runs (the test server of the
/// other suites has no HTTP parser) is answered as problem+json, sent over a raw socket as a client would.
/// </summary>
public sealed class KestrelRejectionTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private WebApplication _app = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        var store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await store.InitializeAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(listen => listen.UseVersoRejectionProblems()));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(AgentKinds.RegisterAll(new KindRegistry()));
        builder.Services.AddSingleton<IVersionStore>(store);
        builder.Services.AddVerso();
        builder.Services.AddVersoServer();
        _app = builder.Build();
        _app.UseVersoServer();
        _app.MapVersoApi();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _port = new Uri(address).Port;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    public static TheoryData<string, int> Refused => new()
    {
        { "GET /api/v1/entities/doc/a\0b HTTP/1.1\r\nHost: localhost\r\n\r\n", 400 },
        { $"GET /api/v1/entities/doc/{new string('a', 9000)} HTTP/1.1\r\nHost: localhost\r\n\r\n", 414 },
        { $"GET /api/v1/kinds HTTP/1.1\r\nHost: localhost\r\nX-Big: {new string('b', 100 * 1024)}\r\n\r\n", 431 },
        { "GET /api/v1/kinds HTTP/1.1\r\nHost: exa mple/\r\n\r\n", 400 },
        { "GET /api/v1/kinds HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task ARequestKestrelRefusesIsAnsweredAsAProblem(string request, int status)
    {
        var (head, body) = await SendAsync(request);

        Assert.StartsWith($"HTTP/1.1 {status} ", head, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Type: application/problem+json", head, StringComparison.Ordinal);
        Assert.Contains("\r\nX-Content-Type-Options: nosniff", head, StringComparison.Ordinal);
        var problem = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(status, problem["status"]!.GetValue<int>());
        Assert.StartsWith("urn:verso:problem:", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnOrdinaryAnswerPassesUnchanged()
    {
        var (head, body) = await SendAsync("GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 ", head, StringComparison.Ordinal);
        // Possibly chunked: the answer's JSON is in it as the endpoint wrote it.
        Assert.Contains("{\"status\":\"ok\"}", body, StringComparison.Ordinal);
        Assert.DoesNotContain("problem", head, StringComparison.Ordinal);
    }

    // Writes the request, reads until the server closes; the head and the body as text.
    private async Task<(string Head, string Body)> SendAsync(string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", _port);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(request));
        }
        catch (IOException)
        {
            // The server may refuse and close before the whole request is written; its answer is still there to read.
        }

        using var answer = new MemoryStream();
        try
        {
            await stream.CopyToAsync(answer);
        }
        catch (IOException)
        {
            // A reset after the answer was sent.
        }

        var text = Encoding.UTF8.GetString(answer.ToArray());
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split > 0, $"no complete answer: '{text}'");
        return (text[..(split + 2)], text[(split + 4)..]);
    }
}
