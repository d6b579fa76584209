#:project ../../src/Verso.Server/Verso.Server.csproj
#:project ../../src/Verso.Sqlite/Verso.Sqlite.csproj
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
// What the per-request token check costs next to the read a head GET does anyway, on SQLite: the head read
// (GetLatestAsync), the token-less probe (AnyAsync on a store without tokens) and the bearer check
// (AuthenticateAsync) and its parts, interleaved round by round, medians. Usage: dotnet run auth.cs DIR [ROUNDS] [OPS]
using System.Diagnostics;
using System.Globalization;
using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Server.Security;
using Verso.Sqlite;
using Verso.Storage;

var dir = args[0];
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
var ops = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5000;
var withTokens = SqliteVersionStore.ForFile(Path.Combine(dir, "tokens.db"));
var without = SqliteVersionStore.ForFile(Path.Combine(dir, "none.db"));
var key = EntityKey.Create("doc", "bench");
foreach (var store in new[] { withTokens, without })
{
    await store.InitializeAsync();
    await store.AppendAsync(new AppendRequest(key, CanonicalJson.CreateDocument("""{"name":"bench","n":0}"""u8), "bench", DateTimeOffset.UtcNow));
}

var (_, token) = await new TokenStore(withTokens).AddAsync("bench", ApiRole.Writer, [], false, "bench");
var served = new TokenStore(withTokens);
var variants = new (string Name, Func<Task> Work)[]
{
    ("head read (GetLatestAsync)", () => withTokens.GetLatestAsync(key)),
    ("head version only (CountVersionsAsync)", () => withTokens.CountVersionsAsync(EntityKey.Create(TokenStore.Kind, "bench"))),
    ("token-less probe (AnyAsync, no tokens)", () => new TokenStore(without).AnyAsync()),
    // The server keeps one TokenStore; a new one per call is the check's first request on an instance.
    ("bearer check (AuthenticateAsync, the server's one TokenStore)", () => served.AuthenticateAsync(token)),
    ("bearer check, first on an instance (new TokenStore)", () => new TokenStore(withTokens).AuthenticateAsync(token)),
    ("full read of the token record (the check before it kept records)", () => withTokens.GetLatestAsync(EntityKey.Create(TokenStore.Kind, "bench"))),
};
var timings = variants.ToDictionary(v => v.Name, _ => new List<double>());
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
var head = Median(timings[variants[0].Name]);
foreach (var (name, values) in timings)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: median {Median(values):F1} µs per call ({Median(values) / head:F2}× the head read), rounds {string.Join(" ", values.Select(v => v.ToString("F1", CultureInfo.InvariantCulture)))}"));
}
