using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Verso.Cli.Tests.Support;
using Verso.Testing.Postgres;

namespace Verso.Cli.Tests;

/// <summary>Two real <c>verso serve</c> processes in front of one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutTests(PostgresServerFixture postgres) : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ConcurrentSavesThroughTwoServersStayGaplessAndAStreamOnOneSeesEveryVersionOfTheOther()
    {
        var store = await postgres.Server.CreateDatabaseAsync();
        Assert.Equal(0, (await _verso.RunAsync("--store", store, "init")).ExitCode);
        var token = (await _verso.RunAsync("--store", store, "token", "add", "ci", "--role", "admin")).Stdout.Trim();
        await using var a = await ServeProcess.StartAsync(store, _verso.Directory.Path);
        await using var b = await ServeProcess.StartAsync(store, _verso.Directory.Path);
        using var clientA = a.Client(token);
        using var clientB = b.Client(token);
        var start = JsonDocument.Parse(await clientA.GetStringAsync("/api/v1/changes?limit=1")).RootElement.GetProperty("last_seq").GetInt64();

        // 2 servers x 2 writers x 10 saves of distinct content to one entity, all at once.
        const int PerWriter = 10;
        var writers = new[] { clientA, clientA, clientB, clientB }.Select((client, writer) => Task.Run(async () =>
        {
            var versions = new List<int>();
            for (var n = 0; n < PerWriter; n++)
            {
                var body = new StringContent($$"""{"writer":{{writer}},"n":{{n}}}""", Encoding.UTF8, "application/json");
                var response = await client.PutAsync("/api/v1/entities/doc/shared?new_kind=true", body);
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                versions.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt32());
            }

            return versions;
        })).ToList();
        var written = (await Task.WhenAll(writers)).SelectMany(v => v).Order().ToList();

        Assert.Equal(Enumerable.Range(1, 4 * PerWriter), written);
        var history = JsonDocument.Parse(await clientB.GetStringAsync("/api/v1/entities/doc/shared/versions?limit=500")).RootElement;
        Assert.Equal(4 * PerWriter, history.GetProperty("head").GetInt32());
        var contents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in history.GetProperty("items").EnumerateArray())
        {
            contents.Add(item.GetProperty("hash").GetString()!);
        }

        Assert.Equal(4 * PerWriter, contents.Count);

        // A stream on A from before the saves: read part, disconnect, resume from the last event id.
        var first = await ReadEventsAsync(clientA, start, 15);
        var rest = await ReadEventsAsync(clientA, first[^1].Seq, 4 * PerWriter - 15);
        var refs = first.Concat(rest).Select(e => e.Ref).ToList();
        Assert.Equal(Enumerable.Range(1, 4 * PerWriter).Select(v => $"doc/shared@{v}"), refs);

        // A revoke through the CLI is refused at once by both servers.
        Assert.Equal(0, (await _verso.RunAsync("--store", store, "token", "revoke", "ci")).ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clientA.GetAsync("/api/v1/kinds")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await clientB.GetAsync("/api/v1/kinds")).StatusCode);
    }

    private static async Task<List<(long Seq, string Ref)>> ReadEventsAsync(HttpClient client, long after, int count)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/changes?kind=doc");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("Last-Event-ID", after.ToString(CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(long, string)>();
        long seq = 0;
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                seq = long.Parse(line[4..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((seq, JsonDocument.Parse(line[6..]).RootElement.GetProperty("ref").GetString()!));
            }
        }

        return events;
    }
}
