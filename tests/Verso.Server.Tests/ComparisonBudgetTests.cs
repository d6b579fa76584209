using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Verso.Documents.Diff;
using Verso.Naming;
using Verso.Server.Tests.Support;
using Verso.Sqlite;
using Verso.Testing.Support;
using static Verso.Server.Tests.Support.Api;

namespace Verso.Server.Tests;

/// <summary>
/// Bounded work per request: a record whose 40,000 lines of prose were shuffled between two versions is
/// answered 422 <c>too-large-to-compare</c> by every comparing route instead of holding a core for minutes,
/// and a comparison stops when its client goes away.
/// </summary>
public sealed class ComparisonBudgetTests : IAsyncLifetime, IDisposable
{
    private const int Lines = 40_000;
    // Small enough to answer quickly in a debug build; the default is tested in the core's tests.
    private const long Budget = 20_000_000;

    private readonly TempDirectory _directory = new();
    private SqliteVersionStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = SqliteVersionStore.ForFile(_directory.File("verso.db"));
        await _store.InitializeAsync();
        var original = ShuffledProse.Original(Lines);
        foreach (var charter in new[] { original, ShuffledProse.Shuffled(Lines), original + "One more line.\n" })
        {
            await _store.AppendAsync(Some.Append(EntityKey.Create("doc", "prose"), Some.Json(ShuffledProse.Agent(charter))));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("/api/v1/entities/doc/prose/diff?from=1&to=2")]
    [InlineData("/api/v1/entities/doc/prose/diff?from=1&to=2&format=text")]
    [InlineData("/api/v1/entities/doc/prose/blame?ref=2")]
    [InlineData("/api/v1/compat?a=doc/prose@1&b=doc/prose@2")]
    public async Task AShuffledFortyThousandLineRecordIsTooLargeToCompare(string path)
    {
        await using var factory = new VersoApiFactory(_store, options => options.DiffBudget = Budget);
        using var client = factory.CreateClient();

        var problem = await ProblemAsync(await client.GetAsync(path), 422);

        AssertTooLarge(problem);
    }

    [Fact]
    public async Task AMergeThatMustDiffTheShuffledVersionIsTooLargeAndSavesNothing()
    {
        await using var factory = new VersoApiFactory(_store, options => options.DiffBudget = Budget);
        using var client = factory.CreateClient();

        var response = await client.PostAsync("/api/v1/entities/doc/prose/merge", Body("""{"base":1,"ours":2,"theirs":3,"save":true,"saved_by":"ann"}"""));

        AssertTooLarge(await ProblemAsync(response, 422));
        Assert.Equal(3, await _store.CountVersionsAsync(EntityKey.Create("doc", "prose")));
    }

    [Fact]
    public async Task AReviewerOpeningAChangeRequestBuiltThatWayIsAnswered422()
    {
        await using var factory = new VersoApiFactory(_store, options => options.DiffBudget = Budget);
        using var client = factory.CreateClient();
        var record = ShuffledProse.Agent(ShuffledProse.Shuffled(Lines, seed: 11));
        var proposed = await ReadAsync(await client.PostAsync(
            "/api/v1/change-requests", Body($$"""{"kind":"doc","id":"prose","record":{{record}},"saved_by":"mallory"}""")));
        var cr = Text(proposed["id"]);

        AssertTooLarge(await ProblemAsync(await client.GetAsync($"/api/v1/change-requests/{cr}/diff"), 422));
        AssertTooLarge(await ProblemAsync(await client.GetAsync($"/api/v1/change-requests/{cr}"), 422));
    }

    [Fact]
    public async Task ASmallEditOfTheSameRecordIsAnsweredWithinTheBudget()
    {
        await using var factory = new VersoApiFactory(_store, options => options.DiffBudget = Budget);
        using var client = factory.CreateClient();

        var diff = await ReadAsync(await client.GetAsync("/api/v1/entities/doc/prose/diff?from=1&to=3"));

        var change = Assert.Single(diff["changes"]!.AsArray());
        Assert.Equal("/charter", Text(change!["path"]));
    }

    [Fact]
    public async Task ADisconnectedClientStopsItsDiff()
    {
        // No budget to stop it: only the request's token can, so the diff would otherwise run for minutes.
        var watched = new WatchedRequests();
        await using var factory = new VersoApiFactory(_store, options => options.DiffBudget = long.MaxValue);
        await using var watching = factory.WithWebHostBuilder(web => web.ConfigureServices(services => services.AddSingleton<IStartupFilter>(watched)));
        using var client = watching.CreateClient();

        var response = client.GetAsync("/api/v1/entities/doc/prose/diff?from=1&to=2");
        var budget = await watched.BudgetInUseAsync();
        while (budget.Spent < 1_000_000)
        {
            Thread.Yield();
        }

        watched.DisconnectClient();
        await watched.EndedAsync();

        Assert.True(budget.CancellationToken.IsCancellationRequested);
        // The diff needs billions of steps; the request ended long before them, and nobody was answered.
        Assert.True(budget.Spent < 1_000_000_000, $"spent {budget.Spent}");
        Assert.Empty(await (await response).Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task TheDocumentDeclaresTheProblemOnEveryComparingRead()
    {
        await using var factory = new VersoApiFactory(_store);
        using var client = factory.CreateClient();

        var paths = (await ReadAsync(await client.GetAsync("/openapi/v1.json")))["paths"]!;

        foreach (var path in new[] { "/api/v1/entities/{kind}/{id}/diff", "/api/v1/entities/{kind}/{id}/blame", "/api/v1/compat", "/api/v1/change-requests/{cr}", "/api/v1/change-requests/{cr}/diff" })
        {
            Assert.True(paths[path]?["get"]?["responses"]?["422"] is not null, $"{path} does not declare 422");
        }

        Assert.NotNull(paths["/api/v1/entities/{kind}/{id}/merge"]!["post"]!["responses"]!["422"]);
    }

    private static void AssertTooLarge(JsonObject problem)
    {
        Assert.Equal("urn:verso:problem:too-large-to-compare", Text(problem["type"]));
        Assert.Equal(Budget, problem["budget"]!.GetValue<long>());
        Assert.Contains($"budget of {Budget} steps", Text(problem["detail"]), StringComparison.Ordinal);
        Assert.Contains("Verso:Server:DiffBudget", Text(problem["detail"]), StringComparison.Ordinal);
    }

    // Stands where the client's connection would: its own token is the request's RequestAborted, cancelled
    // on demand as a closed connection cancels it; and it sees the request's budget once a route sets one.
    private sealed class WatchedRequests : IStartupFilter
    {
        private readonly CancellationTokenSource _connection = new();
        private readonly TaskCompletionSource<ComparisonBudget> _budget = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                context.RequestAborted = _connection.Token;
                // On a thread of its own: the comparison is synchronous work that would otherwise hold this one.
                var running = Task.Run(() => inner(context));
                while (!running.IsCompleted && context.Features.Get<ComparisonBudget>() is null)
                {
                    await Task.Yield();
                }

                if (context.Features.Get<ComparisonBudget>() is { } budget)
                {
                    _budget.TrySetResult(budget);
                }
                else
                {
                    // Fail the test rather than leave it waiting for a comparison that never started.
                    _budget.TrySetException(new InvalidOperationException($"the request ended with {context.Response.StatusCode} before it compared anything"));
                }

                await running;
                _ended.TrySetResult();
            });
            next(app);
        };

        public Task<ComparisonBudget> BudgetInUseAsync() => _budget.Task;

        public Task EndedAsync() => _ended.Task;

        public void DisconnectClient() => _connection.Cancel();
    }
}
