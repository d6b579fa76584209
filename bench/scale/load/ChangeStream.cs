using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Verso.ScaleLoad;

// An open `GET /api/v1/changes` event stream on one instance, counting how often it hears each version of the
// load's entities: every acknowledged save must arrive exactly once, whichever instance made it.
internal sealed class ChangeStream : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private readonly Task _reading;

    private ChangeStream(HttpResponseMessage response, Stream body)
    {
        _response = response;
        _reading = Task.Run(() => ReadAsync(body));
    }

    /// <summary>Times each ref of a load entity was received, with the hash it came with.</summary>
    public ConcurrentDictionary<string, (int Count, string Hash)> Heard { get; } = new();

    public static async Task<ChangeStream> OpenAsync(HttpClient client, long after)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/changes?kind=doc&after={after}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new ChangeStream(response, await response.Content.ReadAsStreamAsync());
    }

    private async Task ReadAsync(Stream body)
    {
        try
        {
            using var reader = new StreamReader(body);
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal))
                {
                    continue;
                }

                using var entry = JsonDocument.Parse(line["data: ".Length..]);
                var (reference, hash) = (entry.RootElement.GetProperty("ref").GetString()!, entry.RootElement.GetProperty("hash").GetString()!);
                if (entry.RootElement.GetProperty("id").GetString()!.StartsWith(Load.EntityPrefix, StringComparison.Ordinal))
                {
                    Heard.AddOrUpdate(reference, (1, hash), (_, seen) => (seen.Count + 1, hash));
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
        {
            // Closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        await _reading;
        _stop.Dispose();
    }
}
