using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Verso.ScaleLoad;

// One measured phase: on each given instance, readers loop over head and version GETs of the filled store's
// entities and of the load's own, and savers PUT new contents to a few shared entities (so saves through different
// instances race on the same heads). Every acknowledged save is kept for the checks.
internal sealed class Load(string[] readTargets, int entities)
{
    public const string EntityPrefix = "load-";
    private long _counter;

    /// <summary>Every save acknowledged with a new version: entity, version, hash, the instance that answered.</summary>
    public ConcurrentBag<(string Id, int Version, string Hash, int Instance)> Acknowledged { get; } = [];

    public int Failed;

    /// <summary>The first few failures, as examples.</summary>
    public ConcurrentQueue<string> Failures { get; } = new();

    private void Fail(string what)
    {
        if (Interlocked.Increment(ref Failed) <= 5)
        {
            Failures.Enqueue(what);
        }
    }

    public string EntityId(int n) => $"{EntityPrefix}{n % entities:D2}";

    public async Task<(double Reads, double Saves)[]> RunAsync(IReadOnlyList<Instance> instances, int readers, int savers, double seconds)
    {
        var stop = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        var counts = instances.Select(_ => new long[2]).ToArray();
        var work = new List<Task>();
        foreach (var instance in instances)
        {
            var mine = counts[instances.ToList().IndexOf(instance)];
            for (var r = 0; r < readers; r++)
            {
                var seed = (instance.Number * 100) + r;
                work.Add(Task.Run(async () =>
                {
                    var random = new Random(seed);
                    while (stop.Elapsed < duration)
                    {
                        await ReadAsync(instance.Client, random);
                        Interlocked.Increment(ref mine[0]);
                    }
                }));
            }

            for (var s = 0; s < savers; s++)
            {
                var seed = (instance.Number * 100) + 50 + s;
                work.Add(Task.Run(async () =>
                {
                    var random = new Random(seed);
                    while (stop.Elapsed < duration)
                    {
                        if (await SaveAsync(instance, EntityId(random.Next(entities))))
                        {
                            Interlocked.Increment(ref mine[1]);
                        }
                    }
                }));
            }
        }

        await Task.WhenAll(work);
        var elapsed = stop.Elapsed.TotalSeconds;
        return [.. counts.Select(c => (c[0] / elapsed, c[1] / elapsed))];
    }

    private async Task ReadAsync(HttpClient client, Random random)
    {
        var pick = random.Next(3);
        var path = pick switch
        {
            0 => $"/api/v1/entities/{readTargets[random.Next(readTargets.Length)]}",
            1 => $"/api/v1/entities/{readTargets[random.Next(readTargets.Length)]}/versions/1",
            _ => $"/api/v1/entities/doc/{EntityId(random.Next(entities))}",
        };
        using var response = await client.GetAsync(path);
        await response.Content.LoadIntoBufferAsync();
        // A load entity read before its first save is a 404; anything else not 200 is a failure.
        if (!response.IsSuccessStatusCode && !(pick == 2 && response.StatusCode == HttpStatusCode.NotFound))
        {
            Fail($"GET {path}: {(int)response.StatusCode}");
        }
    }

    private async Task<bool> SaveAsync(Instance instance, string id)
    {
        var n = Interlocked.Increment(ref _counter);
        var body = $$"""{"id":"{{id}}","name":"Load record {{id}}","description":"saved through instance {{instance.Number}}","n":{{n}}}""";
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await instance.Client.PutAsync($"/api/v1/entities/doc/{id}?saved_by=load-{instance.Number}&new_kind=true", content);
        if (!response.IsSuccessStatusCode)
        {
            Fail($"PUT doc/{id} through #{instance.Number + 1}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            return false;
        }

        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = answer.RootElement;
        if (root.GetProperty("status").GetString() != "created")
        {
            throw new InvalidOperationException($"a save of new content was answered {root.GetProperty("status").GetString()}");
        }

        Acknowledged.Add((id, root.GetProperty("version").GetInt32(), root.GetProperty("hash").GetString()!, instance.Number));
        return true;
    }
}
