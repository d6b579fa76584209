using System.Collections.Concurrent;
using System.Net;
using Verso.Postgres;
using Verso.Server.Tests.Support;
using Verso.Testing.Postgres;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests.Instances;

/// <summary>
/// Two API servers, each with its own store instance (pool, caches, change stamp), on one PostgreSQL database,
/// as two `verso serve` processes behind a load balancer: the small form of bench/scale/load.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstancesOnOnePostgresTests(PostgresServerFixture postgres)
{
    private const int Entities = 3;
    private const int WritersPerServer = 4;
    private const int SavesPerWriter = 6;

    [Fact]
    public async Task ConcurrentSavesThroughTwoServersAreEachKeptOnceGaplessAndBothServersAnswerTheSame()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        await using var first = new VersoApiFactory(new PostgresVersionStore(uri));
        await using var second = new VersoApiFactory(new PostgresVersionStore(uri));
        await first.Store.InitializeAsync();
        using var clients = new ClientPair(first.CreateClient(), second.CreateClient());

        // Heads read (and kept rendered) by both servers before the saves, so a stale kept head would show.
        await SaveAsync(clients.Of(0), "d0", -1);
        foreach (var client in clients.All)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/entities/doc/d0")).StatusCode);
        }

        var acknowledged = new ConcurrentBag<(string Id, int Version, string Hash)>();
        await Task.WhenAll(Enumerable.Range(0, 2 * WritersPerServer).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; n < SavesPerWriter; n++)
            {
                // Writers of both servers race on the same few entities, each save with content no other has.
                var id = $"d{(writer + n) % Entities}";
                acknowledged.Add(await SaveAsync(clients.Of(writer % 2), id, (writer * 100) + n));
            }
        })));

        var all = acknowledged.Append((Id: "d0", Version: 1, Hash: await HashOfAsync(clients.Of(0), "d0", 1))).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal((2 * WritersPerServer * SavesPerWriter) + 1, all.Count);
        for (var e = 0; e < Entities; e++)
        {
            var id = $"d{e}";
            var acks = all.Where(a => a.Id == id).OrderByDescending(a => a.Version).Select(a => (a.Version, a.Hash)).ToList();
            foreach (var client in clients.All)
            {
                // Every acknowledged save is in the history exactly once, numbered 1..N with no gap, on both servers.
                Assert.Equal(acks, await HistoryAsync(client, id));
                Assert.Equal(Enumerable.Range(1, acks.Count).Reverse(), acks.Select(a => a.Version));
            }

            // Both answer the same head, the last acknowledged version, whatever each kept rendered before.
            var heads = await Task.WhenAll(clients.All.Select(c => c.GetAsync($"/api/v1/entities/doc/{id}")));
            Assert.All(heads, h => Assert.Equal(HttpStatusCode.OK, h.StatusCode));
            Assert.Single(heads.Select(h => h.Headers.ETag!.Tag).Distinct());
            var head = await ReadAsync(heads[1]);
            Assert.Equal(acks[0], (Number(head["version"]), Text(head["hash"])));
        }

        // The change log, read through either server, lists every acknowledged version once.
        foreach (var client in clients.All)
        {
            var changes = await ReadAsync(await client.GetAsync("/api/v1/changes?kind=doc&after=0&limit=500"));
            var listed = changes["items"]!.AsArray().Select(i => (Text(i!["id"]), Number(i["version"]), Text(i["hash"]))).ToList();
            Assert.Equal(all.OrderBy(a => a).ToList(), listed.OrderBy(a => a).ToList());
        }
    }

    private static async Task<(string Id, int Version, string Hash)> SaveAsync(HttpClient client, string id, int n)
    {
        using var response = await client.PutAsync($"/api/v1/entities/doc/{id}?saved_by=writer", Body($$"""{"n":{{n}}}"""));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var answer = await ReadAsync(response);
        Assert.Equal("created", Text(answer["status"]));
        return (id, Number(answer["version"]), Text(answer["hash"]));
    }

    private static async Task<string> HashOfAsync(HttpClient client, string id, int version) =>
        Text((await ReadAsync(await client.GetAsync($"/api/v1/entities/doc/{id}/versions/{version}")))["hash"]);

    private static async Task<List<(int Version, string Hash)>> HistoryAsync(HttpClient client, string id)
    {
        var page = await ReadAsync(await client.GetAsync($"/api/v1/entities/doc/{id}/versions?limit=500"));
        Assert.Null(page["next_cursor"]);
        return [.. page["items"]!.AsArray().Select(v => (Number(v!["version"]), Text(v["hash"])))];
    }

    private sealed class ClientPair(HttpClient first, HttpClient second) : IDisposable
    {
        public HttpClient[] All { get; } = [first, second];

        public HttpClient Of(int server) => All[server];

        public void Dispose()
        {
            first.Dispose();
            second.Dispose();
        }
    }
}
