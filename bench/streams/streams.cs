#:project ../../tests/Verso.Testing/Verso.Testing.csproj
#:property PublishAot=false
// Whether open change streams cost other requests anything: a Release `verso serve` on SQLite and on
// PostgreSQL answers GET /api/v1/kinds and a head GET from a few workers, once with no stream open and once
// with STREAMS open `GET /api/v1/changes` event streams, rounds alternating (ABBA) so drift falls on both.
// Three loads: idle streams, and streams fed by a save every second or every 100 ms (every stream receives
// every version: 1,000 or 10,000 events a second for 1,000 streams), the same saves made in both halves.
// Prints the medians over rounds and the ratio with/without. Usage (from the repository root):
//   dotnet run bench/streams/streams.cs -- VERSO [STREAMS] [SECONDS] [ROUNDS] [WORKERS]
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Verso.Testing.Postgres;

var verso = Path.GetFullPath(args[0]);
var streams = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var seconds = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5;
var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
var workers = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 4;
var work = Directory.CreateTempSubdirectory("verso-streams-bench").FullName;
Console.WriteLine($"{streams} streams, {workers} workers, {seconds} s per measurement, {rounds} rounds (ABBA), {Environment.ProcessorCount} cores");

try
{
    await BenchAsync("SQLite", Path.Combine(work, "bench.db"));
    await using var postgres = await PostgresServer.StartAsync(durable: true);
    await BenchAsync("PostgreSQL", await postgres.CreateDatabaseAsync());
}
finally
{
    Directory.Delete(work, recursive: true);
}

async Task BenchAsync(string name, string store)
{
    await RunAsync(verso, ["--store", store, "init"]);
    var port = FreePort();
    var serve = new ProcessStartInfo(verso, ["--store", store, "serve", "--urls", $"http://127.0.0.1:{port}"])
    {
        RedirectStandardError = true,
        RedirectStandardOutput = true,
        // One local caller opens every stream: the per-token cap is raised above the count.
        Environment = { ["Verso__Server__MaxStreamsPerToken"] = (streams + 10).ToString(CultureInfo.InvariantCulture) },
    };
    using var server = Process.Start(serve)!;
    server.OutputDataReceived += (_, _) => { };
    server.ErrorDataReceived += (_, _) => { };
    server.BeginOutputReadLine();
    server.BeginErrorReadLine();
    try
    {
        var baseUri = new Uri($"http://127.0.0.1:{port}");
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = baseUri };
        await WaitReadyAsync(client);
        await PutAsync(client, 0);
        var saves = 1;
        foreach (var every in new[] { 0, 1000, 100 })
        {
            var fed = every > 0;
            var without = new List<Measurement>();
            var with = new List<Measurement>();
            long delivered = 0, expected = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var open in round % 2 == 0 ? new[] { false, true } : new[] { true, false })
                {
                    await using var opened = open ? await OpenStreamsAsync(baseUri, streams, await LastSequenceAsync(client)) : null;
                    var before = saves;
                    var measured = await MeasureAsync(client, workers, seconds, fed ? () => PutAsync(client, saves++) : null, every);
                    (open ? with : without).Add(measured);
                    if (opened is not null)
                    {
                        expected += (long)(saves - before) * streams;
                        delivered += await opened.CountAsync(saves - before);
                    }
                }
            }

            var load = fed ? $"streams fed a save every {every} ms ({streams * 1000 / every} events/s)" : "idle streams";
            Report($"{name}, {load}", without, with);
            if (fed)
            {
                Console.WriteLine($"  events delivered to the open streams: {delivered} of {expected}");
            }
        }
    }
    finally
    {
        server.Kill(entireProcessTree: true);
        await server.WaitForExitAsync();
    }
}

static void Report(string title, List<Measurement> without, List<Measurement> with)
{
    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    var (p50a, p50b) = (Median(without.Select(m => m.P50)), Median(with.Select(m => m.P50)));
    var (p99a, p99b) = (Median(without.Select(m => m.P99)), Median(with.Select(m => m.P99)));
    var (rpsA, rpsB) = (Median(without.Select(m => m.PerSecond)), Median(with.Select(m => m.PerSecond)));
    var failed = with.Sum(m => m.Failed) + without.Sum(m => m.Failed);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{title}: p50 {p50a:F2} → {p50b:F2} ms (×{p50b / p50a:F2}), p99 {p99a:F2} → {p99b:F2} ms (×{p99b / p99a:F2}), {rpsA:F0} → {rpsB:F0} req/s (×{rpsB / rpsA:F2}), failed requests {failed}"));
}

static async Task<Measurement> MeasureAsync(HttpClient client, int workers, double seconds, Func<Task>? save, int every)
{
    var stop = Stopwatch.StartNew();
    var duration = TimeSpan.FromSeconds(seconds);
    var failed = 0;
    var saving = save is null ? Task.CompletedTask : Task.Run(async () =>
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(every));
        while (stop.Elapsed < duration && await timer.WaitForNextTickAsync())
        {
            await save();
        }
    });
    var latencies = await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
    {
        var mine = new List<double>();
        var paths = new[] { "/api/v1/kinds", "/api/v1/entities/doc/bench" };
        for (var i = w; stop.Elapsed < duration; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(paths[i % 2]);
            await response.Content.LoadIntoBufferAsync();
            mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref failed);
            }
        }

        return mine;
    })));
    await saving;
    var all = latencies.SelectMany(l => l).Order().ToList();
    return new Measurement(all[all.Count / 2], all[(int)(all.Count * 0.99)], all.Count / stop.Elapsed.TotalSeconds, failed);
}

static async Task<OpenStreams> OpenStreamsAsync(Uri baseUri, int count, long after)
{
    var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
    var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = Timeout.InfiniteTimeSpan };
    var opened = new OpenStreams(client);
    // Opened a hundred at a time: all of them are open (their first line read) before any measurement starts.
    foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
    {
        await Task.WhenAll(chunk.Select(_ => opened.OpenAsync(after)));
    }

    return opened;
}

static async Task<long> LastSequenceAsync(HttpClient client)
{
    long after = 0;
    while (true)
    {
        using var page = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/v1/changes?after={after}&limit=500"));
        var last = page.RootElement.GetProperty("last_seq").GetInt64();
        if (last == after)
        {
            return last;
        }

        after = last;
    }
}

static async Task PutAsync(HttpClient client, int n)
{
    using var body = new StringContent($$"""{"name":"bench","n":{{n}}}""", Encoding.UTF8, "application/json");
    using var response = await client.PutAsync("/api/v1/entities/doc/bench?saved_by=bench", body);
    response.EnsureSuccessStatusCode();
}

static async Task WaitReadyAsync(HttpClient client)
{
    for (var i = 0; i < 300; i++)
    {
        try
        {
            using var response = await client.GetAsync("/readyz");
            if (response.IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
            // Not listening yet.
        }

        await Task.Delay(100);
    }

    throw new InvalidOperationException("verso serve did not become ready");
}

static async Task RunAsync(string file, string[] arguments)
{
    using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    await process.WaitForExitAsync();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"{file} {string.Join(' ', arguments)}: exit {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
    }
}

static int FreePort()
{
    using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
    listener.Start();
    return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
}

internal sealed record Measurement(double P50, double P99, double PerSecond, int Failed);

// Open event streams, each read in the background, counting the events it receives.
internal sealed class OpenStreams(HttpClient client) : IAsyncDisposable
{
    private readonly List<(HttpResponseMessage Response, Task Reading)> _streams = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private long _events;

    private static ReadOnlySpan<byte> Opening => ": verso change feed\n\n"u8;

    private static ReadOnlySpan<byte> Marker => "\ndata: "u8;

    // Events in the span, and how many bytes at its end to carry into the next read (a marker may start there).
    private static int CountEvents(ReadOnlySpan<byte> data, out int carry)
    {
        var count = 0;
        var rest = data;
        int at;
        while ((at = rest.IndexOf(Marker)) >= 0)
        {
            count++;
            rest = rest[(at + Marker.Length)..];
        }

        carry = Math.Min(rest.Length, Marker.Length - 1);
        return count;
    }

    public async Task OpenAsync(long after)
    {
        // Starting after what the log holds now: only versions saved while it is open are counted.
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/changes?kind=doc&after={after}");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStreamAsync();
        // Read as bytes and counted without decoding: the reader shares the two cores with the server it measures.
        var buffer = new byte[16 * 1024];
        var filled = 0;
        while (filled < Opening.Length)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled));
            if (read == 0)
            {
                throw new InvalidOperationException("the stream ended before its first line");
            }

            filled += read;
        }

        if (!buffer.AsSpan(0, Opening.Length).SequenceEqual(Opening))
        {
            throw new InvalidOperationException("not a change stream");
        }

        var reading = Task.Run(async () =>
        {
            try
            {
                // The bytes after the opening line, then each read; a marker split across two reads is kept whole by
                // carrying the last few bytes over.
                var kept = filled - Opening.Length;
                Buffer.BlockCopy(buffer, Opening.Length, buffer, 0, kept);
                while (true)
                {
                    var events = CountEvents(buffer.AsSpan(0, kept), out var carry);
                    Interlocked.Add(ref _events, events);
                    Buffer.BlockCopy(buffer, kept - carry, buffer, 0, carry);
                    var read = await body.ReadAsync(buffer.AsMemory(carry), _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    kept = carry + read;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                // Closed.
            }
        });
        lock (_gate)
        {
            _streams.Add((response, reading));
        }
    }

    // The events counted once the last save has had the time to reach every stream (up to 10 s).
    public async Task<long> CountAsync(int saves)
    {
        var wanted = (long)saves * _streams.Count;
        for (var i = 0; i < 100 && Interlocked.Read(ref _events) < wanted; i++)
        {
            await Task.Delay(100);
        }

        return Interlocked.Read(ref _events);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var (response, _) in _streams)
        {
            response.Dispose();
        }

        await Task.WhenAll(_streams.Select(s => s.Reading));
        client.Dispose();
        _stop.Dispose();
    }
}
