#:project ../../src/Verso.Sqlite/Verso.Sqlite.csproj
#:project ../../src/Verso.Agents/Verso.Agents.csproj
#:property PublishAot=false
#:property JsonSerializerIsReflectionEnabledByDefault=true
// The in-process library calls the HTTP benchmark compares with: the same work as each HTTP request,
// from N concurrent tasks for a fixed time, on a SQLite file. Usage: dotnet run library.cs DB SECONDS TASKS
using System.Diagnostics;
using System.Text;
using Verso.Agents.Kinds;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Sqlite;
using Verso.Versioning;

var store = SqliteVersionStore.ForFile(args[0]);
await store.InitializeAsync();
var service = new VersioningService(store, AgentKinds.RegisterAll(new KindRegistry()));
var seconds = double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var tasks = int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture);
var key = EntityKey.Create("doc", "bench");
var body = Encoding.UTF8.GetBytes("""{"name":"bench","n":0}""");
await service.SaveAsync(key, body, new SaveOptions("bench"));
var counter = 0;

async Task<double> RunAsync(string name, Func<int, Task> work)
{
    var stop = Stopwatch.StartNew();
    var done = 0L;
    await Task.WhenAll(Enumerable.Range(0, tasks).Select(async _ =>
    {
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            await work(Interlocked.Increment(ref counter));
            Interlocked.Increment(ref done);
        }
    }));
    var rate = done / stop.Elapsed.TotalSeconds;
    Console.WriteLine($"{name}: {rate:F0} ops/s");
    return rate;
}

await RunAsync("library head read", _ => service.GetAsync(VersionRef.Latest(key)));
await RunAsync("library save unchanged", _ => service.SaveAsync(key, body, new SaveOptions("bench")));
await RunAsync("library save changed", n => service.SaveAsync(key, Encoding.UTF8.GetBytes($$"""{"name":"bench","n":{{n}}}"""), new SaveOptions("bench")));
