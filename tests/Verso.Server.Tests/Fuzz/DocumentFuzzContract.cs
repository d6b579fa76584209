using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Verso.Server.Tests.Support;
using Verso.Storage;
using Xunit.Abstractions;

namespace Verso.Server.Tests.Fuzz;

/// <summary>
/// Requests generated from the served OpenAPI document, for every operation it lists (read at run time, so a
/// new endpoint is fuzzed without anyone adding it here), against a seeded store: no answer is a 5xx, every
/// status, media type and JSON body is one the document gives for that operation, and nothing the
/// document calls invalid is accepted. Fixed seed; <c>VERSO_FUZZ_SEED</c> and <c>VERSO_FUZZ_CASES</c> replay
/// or widen a run.
/// </summary>
public abstract class DocumentFuzzContract(ITestOutputHelper output) : IAsyncLifetime
{
    private const int BodyLimit = 64 * 1024;
    private const ulong DefaultSeed = 20261201;
    private const int DefaultCases = 24;

    private readonly FuzzWorld _world = new();
    private VersoApiFactory? _factory;
    private HttpClient _client = null!;
    private FuzzCredentials _credentials = null!;

    /// <summary>A new, empty store of the backend under test (not yet initialized).</summary>
    protected abstract Task<IVersionStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        var store = await CreateStoreAsync();
        await store.InitializeAsync();
        _factory = new VersoApiFactory(store, options => options.MaxRequestBodyBytes = BodyLimit);
        _client = _factory.CreateClient();
        _credentials = await new FuzzSeeder(_client, _world).SeedAsync();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
            if (_factory.Store is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task EveryOperationAnswersGeneratedRequestsAsItsDocumentSays()
    {
        var seed = ulong.TryParse(Environment.GetEnvironmentVariable("VERSO_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;
        // VERSO_FUZZ_SHOW=<operationId> prints every request of that operation and its answer.
        var show = Environment.GetEnvironmentVariable("VERSO_FUZZ_SHOW");
        var cases = int.TryParse(Environment.GetEnvironmentVariable("VERSO_FUZZ_CASES"), CultureInfo.InvariantCulture, out var c) ? c : DefaultCases;
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var schemas = new SchemaValidator(document);
        var generator = new RequestGenerator(schemas, _world, _credentials, BodyLimit);
        var checker = new ResponseChecker(schemas);
        var operations = ApiOperation.All(document);
        Assert.True(operations.Count >= 30, $"the document lists only {operations.Count} operations");

        var failures = new List<string>();
        var sent = 0;
        var started = System.Diagnostics.Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            // Each operation's cases depend only on the seed and its id, so a new operation changes no other's.
            var requests = generator.For(operation, operation.Secured).Sample(cases, new Rnd(seed ^ StableHash(operation.Id)), 10);
            var statuses = new SortedDictionary<int, int>();
            for (var i = 0; i < requests.Length; i++)
            {
                var request = requests[i];
                sent++;
                var (status, problems, shown) = await SendAndCheckAsync(request, checker);
                statuses[status] = statuses.GetValueOrDefault(status) + 1;
                if (show == operation.Id)
                {
                    output.WriteLine($"case {i}: {request}\n  → {status} {shown}");
                }

                if (problems.Count > 0)
                {
                    failures.Add($"{operation} case {i}:\n  {request}\n  → {string.Join("\n  → ", problems)}");
                }
            }

            // What the cases reached, so a run whose requests all bounce off one check shows as such.
            output.WriteLine($"{operation}: {string.Join(", ", statuses.Select(p => $"{p.Key}×{p.Value}"))}");
        }

        output.WriteLine($"{sent} requests in {started.Elapsed.TotalSeconds:F1} s, seed {seed}");

        Assert.True(failures.Count == 0,
            $"{failures.Count} of {sent} generated requests were answered against the document (seed {seed}, {cases} cases per operation; "
            + $"replay with VERSO_FUZZ_SEED={seed}):\n\n{string.Join("\n\n", failures.Take(25))}");
    }

    private async Task<(int Status, IReadOnlyList<string> Problems, string Shown)> SendAndCheckAsync(FuzzRequest request, ResponseChecker checker)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Operation.Method), request.Url);
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }
        }

        // Only a hang ends here; no case should come near it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var problems = await checker.CheckAsync(request, response, timeout.Token);
        var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "(a stream)" : await response.Content.ReadAsStringAsync(timeout.Token);
        return ((int)response.StatusCode, problems, body.Length > 300 ? body[..300] : body);
    }

    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }
}
