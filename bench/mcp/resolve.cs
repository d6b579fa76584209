#:project ../../src/Verso.Server/Verso.Server.csproj
#:project ../../src/Verso.Agents.Http/Verso.Agents.Http.csproj
#:project ../../src/Verso.Sqlite/Verso.Sqlite.csproj
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
// What an agent's resolve costs over MCP next to the same read elsewhere, on one SQLite file: the head read in
// process (VersioningService.GetAsync), REST GET /api/v1/entities/agent/alice and MCP resolve over streamable
// HTTP on one in-process Kestrel server (bearer token on both), and MCP resolve over the stdio server on
// in-process pipes, each with the C# SDK's client. Interleaved round by round, medians.
// Usage: dotnet run -c Release bench/mcp/resolve.cs -- DIR [ROUNDS] [OPS]
using System.Diagnostics;
using System.Globalization;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;
using Verso.Agents.Kinds;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Server.Mcp;
using Verso.Server.Security;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Versioning;

var dir = args[0];
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var ops = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1000;
var store = SqliteVersionStore.ForFile(Path.Combine(dir, "mcp.db"));
await store.InitializeAsync();
var kinds = AgentKinds.RegisterAll(new KindRegistry());
var service = new VersioningService(store, kinds);
var alice = EntityKey.Create("agent", "alice");
await service.SaveAsync(alice, File.ReadAllBytes(Path.Combine(AppContext.GetData("EntryPointFileDirectoryPath") as string ?? ".", "../../samples/org/agent/alice.json")), new SaveOptions("bench"));
var (_, token) = await new TokenStore(store).AddAsync("bench", ApiRole.Writer, [], false, "bench");

using var listener = new TcpListener(IPAddress.Loopback, 0);
listener.Start();
var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
listener.Stop();
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls(url);
builder.Logging.ClearProviders();
builder.Services.AddSingleton(kinds);
builder.Services.AddSingleton<IVersionStore>(store);
builder.Services.AddVerso();
builder.Services.AddVersoServer();
builder.Services.AddVersoAgentsApi();
builder.Services.AddVersoMcp();
var app = builder.Build();
app.UseVersoServer();
app.MapVersoApi();
app.MapVersoMcp();
await app.StartAsync();

using var rest = new HttpClient { BaseAddress = new Uri(url) };
rest.DefaultRequestHeaders.Authorization = new("Bearer", token);
await using var overHttp = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
{
    Endpoint = new Uri(url + McpPaths.Root),
    AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = $"Bearer {token}" },
}, NullLoggerFactory.Instance));

var toServer = new Pipe();
var toClient = new Pipe();
var stdioServices = new ServiceCollection().AddSingleton(kinds).AddSingleton<IVersionStore>(store);
stdioServices.AddVerso();
var (caller, _) = await new TokenStore(store).AuthenticateAsync(token);
stdioServices.AddSingleton(new McpCaller(caller!));
stdioServices.AddVersoAgentsApi();
var options = new McpServerOptions();
VersoMcpServer.Configure(options);
var stdioServer = McpServer.Create(new StreamServerTransport(toServer.Reader.AsStream(), toClient.Writer.AsStream()), options, NullLoggerFactory.Instance, stdioServices.BuildServiceProvider());
_ = stdioServer.RunAsync();
await using var overStdio = await McpClient.CreateAsync(new StreamClientTransport(toServer.Writer.AsStream(), toClient.Reader.AsStream(), NullLoggerFactory.Instance));

var arguments = new Dictionary<string, object?> { ["ref"] = JsonDocument.Parse("\"agent/alice\"").RootElement };
async Task Resolve(McpClient client)
{
    var result = await client.CallToolAsync("resolve", arguments);
    if (result.IsError is true)
    {
        throw new InvalidOperationException(((TextContentBlock)result.Content[0]).Text);
    }
}

var variants = new (string Name, Func<Task> Work)[]
{
    ("head read in process (VersioningService.GetAsync)", () => service.GetAsync(VersionRef.Latest(alice))),
    ("REST GET /api/v1/entities/agent/alice", async () => (await rest.GetAsync("/api/v1/entities/agent/alice")).EnsureSuccessStatusCode().Dispose()),
    ("MCP resolve, streamable HTTP", () => Resolve(overHttp)),
    ("MCP resolve, stdio server on in-process pipes", () => Resolve(overStdio)),
};
var timings = variants.ToDictionary(v => v.Name, _ => new List<double>());
foreach (var (_, work) in variants)
{
    await work();
}

for (var round = 0; round < rounds; round++)
{
    foreach (var (name, work) in variants)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < ops; i++)
        {
            await work();
        }

        timings[name].Add(watch.Elapsed.TotalMicroseconds / ops);
    }
}

double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var restMedian = Median(timings[variants[1].Name]);
foreach (var (name, values) in timings)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {Median(values):F1} µs per call ({Median(values) / restMedian:F2}× the REST GET), rounds {string.Join(" ", values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}"));
}

await app.StopAsync();
