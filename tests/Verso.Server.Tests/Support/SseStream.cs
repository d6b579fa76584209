using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Verso.Server.Tests.Support;

/// <summary>An open <c>GET /changes</c> event stream, read one event at a time.</summary>
public sealed class SseStream : IAsyncDisposable
{
    // Only so a broken server fails the test instead of hanging it; no test measures time with it.
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(60);

    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private SseStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    /// <summary>Sends the request for a stream and answers the response as it is (for refusals).</summary>
    public static async Task<HttpResponseMessage> RequestAsync(HttpClient client, string path, long? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is { } id)
        {
            request.Headers.Add("Last-Event-ID", id.ToString(CultureInfo.InvariantCulture));
        }

        using var safety = new CancellationTokenSource(Safety);
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, safety.Token);
    }

    /// <summary>Opens a stream, checking it was admitted and has started (its first comment line arrived).</summary>
    public static async Task<SseStream> OpenAsync(HttpClient client, string path, long? lastEventId = null)
    {
        var response = await RequestAsync(client, path, lastEventId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var stream = new SseStream(response, reader);
        using var safety = new CancellationTokenSource(Safety);
        Assert.Equal(": verso change feed", await reader.ReadLineAsync(safety.Token));
        return stream;
    }

    /// <summary>The next event (its id and data), or null once the server ended the stream.</summary>
    public async Task<(long Id, JsonNode Data)?> NextEventAsync()
    {
        using var safety = new CancellationTokenSource(Safety);
        long? id = null;
        while (await _reader.ReadLineAsync(safety.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line[4..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return (id!.Value, JsonNode.Parse(line[6..])!);
            }
        }

        return null;
    }

    /// <summary>The ref of the next event, or null once the stream ended.</summary>
    public async Task<string?> NextRefAsync() => await NextEventAsync() is { } e ? e.Data["ref"]!.GetValue<string>() : null;

    /// <summary>The refs of the next <paramref name="count"/> events (the stream must not end before).</summary>
    public async Task<List<string>> NextRefsAsync(int count)
    {
        var refs = new List<string>();
        while (refs.Count < count)
        {
            refs.Add(await NextRefAsync() ?? throw new InvalidOperationException($"the stream ended after {refs.Count} of {count} events"));
        }

        return refs;
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}
