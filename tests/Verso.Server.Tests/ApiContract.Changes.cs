using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

public abstract partial class ApiContract
{
    [Fact]
    public async Task ThePolledFeedListsEveryVersionAfterASequenceOnce()
    {
        var start = Number((await ReadAsync(await Client.GetAsync("/api/v1/changes?limit=1000")))["last_seq"]);
        var id = await NewDocAsync("""{"n":1}""", """{"n":2}""", """{"n":3}""");

        var first = await ReadAsync(await Client.GetAsync($"/api/v1/changes?after={start}&limit=2"));
        var rest = await ReadAsync(await Client.GetAsync($"/api/v1/changes?after={Number(first["last_seq"])}&limit=10&kind=doc"));

        var refs = first["items"]!.AsArray().Concat(rest["items"]!.AsArray()).Select(e => Text(e!["ref"])).ToList();
        Assert.Equal([$"doc/{id}@1", $"doc/{id}@2", $"doc/{id}@3"], refs);
        Assert.Equal("ann", Text(first["items"]![0]!["saved_by"]));
        var other = await ReadAsync(await Client.GetAsync($"/api/v1/changes?after={start}&kind=agent"));
        Assert.Empty(other["items"]!.AsArray());
    }

    [Fact]
    public async Task TheEventStreamSendsNewVersionsAndResumesAfterLastEventId()
    {
        var start = Number((await ReadAsync(await Client.GetAsync("/api/v1/changes?limit=1000")))["last_seq"]);
        var id = await NewDocAsync("""{"n":1}""");

        // Read one event, disconnect, write two more, resume from the event id: nothing missed, nothing twice.
        var firstEvents = await ReadEventsAsync(start, 1, "doc");
        await NewDocVersionAsync(id, """{"n":2}""");
        await NewDocVersionAsync(id, """{"n":3}""");
        var resumed = await ReadEventsAsync(firstEvents[^1].Id, 2, "doc");

        Assert.Equal([$"doc/{id}@1", $"doc/{id}@2", $"doc/{id}@3"], firstEvents.Concat(resumed).Select(e => Text(e.Data["ref"])));
        Assert.True(resumed[0].Id > firstEvents[0].Id && resumed[1].Id > resumed[0].Id);
    }

    [Fact]
    public async Task AnOpenStreamSeesAVersionWrittenAfterItConnected()
    {
        var start = Number((await ReadAsync(await Client.GetAsync("/api/v1/changes?limit=1000")))["last_seq"]);
        var id = Some.Id("doc");
        var reading = ReadEventsAsync(start, 1, "doc");
        await PutAsync("doc", id, """{"n":1}""");

        var events = await reading;

        Assert.Equal($"doc/{id}@1", Text(Assert.Single(events).Data["ref"]));
    }

    private async Task NewDocVersionAsync(string id, string json) => Assert.Equal(System.Net.HttpStatusCode.Created, (await PutAsync("doc", id, json)).StatusCode);

    private async Task<List<(long Id, JsonNode Data)>> ReadEventsAsync(long lastEventId, int count, string kind)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/changes?kind={kind}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("Last-Event-ID", lastEventId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var response = await Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        using var reader = new StreamReader(stream);
        var events = new List<(long, JsonNode)>();
        long? id = null;
        while (events.Count < count && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add((id!.Value, JsonNode.Parse(line[6..])!));
            }
        }

        return events;
    }
}
