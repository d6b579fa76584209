using System.Diagnostics;
using System.Globalization;
using Verso.Naming;
using Verso.Postgres;
using Verso.Scale;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Postgres;

// dotnet run -c Release --project bench/scale -- --store postgres|sqlite --versions N --entities E
//   [--workers W] [--batch B] [--ops K] [--history-ops H] [--rounds R] [--one V] [--org DIR] [--no-tenth]
//   [--pg-settings "name=value ..."]   (PostgreSQL only: server settings beyond the defaults, e.g. shared_buffers=4GB)
//   [--then "COMMAND ARGS"]   (PostgreSQL only: run COMMAND ARGS --store URI on the filled store at the end, e.g. bench/scale/load)
// Fills a store through its batch append, then prints its reads beside a store of one entity, the manifest, a
// change-feed catch-up, verify (on this store and on one a tenth its size, to show it linear) and bytes per
// version. PostgreSQL is a private server started for the run (fsync on), SQLite a file, both in the temp
// directory on this machine's disk. The PostgreSQL binaries are found as the tests find them (VERSO_PG_BINDIR,
// pg_config, the distribution's directory).
var backend = Option("--store") ?? "sqlite";
var versions = long.Parse(Option("--versions") ?? "100000", CultureInfo.InvariantCulture);
var entities = int.Parse(Option("--entities") ?? "1000", CultureInfo.InvariantCulture);
var workers = int.Parse(Option("--workers") ?? (backend == "postgres" ? "2" : "1"), CultureInfo.InvariantCulture);
var batch = int.Parse(Option("--batch") ?? "1000", CultureInfo.InvariantCulture);
var ops = int.Parse(Option("--ops") ?? "1000", CultureInfo.InvariantCulture);
// A deep page costs what the store makes it cost; where that grows with the history (see BENCHMARKS), few are enough.
var historyOps = int.Parse(Option("--history-ops") ?? "20", CultureInfo.InvariantCulture);
var rounds = int.Parse(Option("--rounds") ?? "4", CultureInfo.InvariantCulture);
var oneVersions = int.Parse(Option("--one") ?? "1000", CultureInfo.InvariantCulture);
var org = Option("--org") ?? "samples/org";
var then = Option("--then");
var pgSettings = (Option("--pg-settings") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
var records = OrgRecords.Load(org);
var plan = new FillPlan(records, versions, entities);
Console.WriteLine($"{backend}: {versions:N0} versions over {entities:N0} entities (longest history {plan.Target(0):N0}, four of {plan.Target(1):N0}, the rest {plan.Target(5):N0}), {Environment.ProcessorCount} cores, {DateTimeOffset.UtcNow:u}");

var work = Directory.CreateTempSubdirectory("verso-scale").FullName;
PostgresServer? server = null;
try
{
    if (backend == "postgres")
    {
        server = await PostgresServer.StartAsync(durable: true, pgSettings);
        if (pgSettings.Length > 0)
        {
            Console.WriteLine($"PostgreSQL settings beyond the defaults: {string.Join(", ", pgSettings)}");
        }
    }

    async Task<(IVersionStore Store, string Where)> NewStoreAsync(string name)
    {
        IVersionStore store;
        string where;
        if (server is not null)
        {
            where = await server.CreateDatabaseAsync();
            store = new PostgresVersionStore(where);
        }
        else
        {
            where = Path.Combine(work, name + ".db");
            store = SqliteVersionStore.ForFile(where);
        }

        await store.InitializeAsync();
        return (store, where);
    }

    var (big, bigWhere) = await NewStoreAsync("big");
    await Filler.FillAsync(big, plan, workers, batch, "big store");
    await Filler.CheckAsync(big, plan, plan.Sample(200));

    // The store of one entity: the longest history's first versions, same template.
    var (small, _) = await NewStoreAsync("one");
    var onePlan = new FillPlan(records, Math.Max(oneVersions, 12) * 6L, 6);
    var only = onePlan.Key(0);
    for (var from = 1; from <= oneVersions; from += batch)
    {
        await small.AppendBatchAsync([.. Enumerable.Range(from, Math.Min(batch, oneVersions - from + 1))
            .Select(r => new AppendRequest(only, records.Version(0, only.Id, r), "scale-bench", Filler.At(r)))]);
    }

    Console.WriteLine();
    await Lookups.RunAsync(big, plan, small, only, oneVersions, ops, historyOps, rounds);
    Console.WriteLine();
    await WholeStore.ManifestAsync(big, entities, small);
    await WholeStore.CatchUpAsync(big, 1_000_000);
    await WholeStore.BytesAsync(big, bigWhere, versions);
    if (args.Contains("--no-tenth"))
    {
        await WholeStore.VerifyAsync(big, $"the store of {versions:N0} versions");
    }
    else
    {
        // Verify of this store and of one a tenth its size, in ABBA order so the machine's drift falls on both.
        var (tenth, _) = await NewStoreAsync("tenth");
        var tenthPlan = new FillPlan(records, versions / 10, entities / 10);
        await Filler.FillAsync(tenth, tenthPlan, workers, batch, "store a tenth the size");
        var (bigRates, tenthRates) = (new List<double>(), new List<double>());
        foreach (var onBig in new[] { true, false, false, true })
        {
            (onBig ? bigRates : tenthRates).Add(onBig
                ? await WholeStore.VerifyAsync(big, $"the store of {versions:N0} versions")
                : await WholeStore.VerifyAsync(tenth, $"the store of {versions / 10:N0} versions"));
        }

        Console.WriteLine(FormattableString.Invariant(
            $"- verify's rate per version at 10x the size: {Pair.Median(bigRates) / Pair.Median(tenthRates):F2}x the rate at a tenth (means of two each, ABBA; 1.00x = linear)"));
        await tenth.DisposeAsyncIfPossible();
    }

    if (then is not null && server is not null)
    {
        // The mixed load of several `verso serve` instances on this store, a program of its own (bench/scale/load).
        Console.WriteLine();
        await big.DisposeAsyncIfPossible();
        var command = then.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var load = Process.Start(new ProcessStartInfo(command[0], [.. command[1..], "--store", bigWhere]))!;
        await load.WaitForExitAsync();
        Console.WriteLine($"(the load exited {load.ExitCode})");
    }

    await big.DisposeAsyncIfPossible();
    await small.DisposeAsyncIfPossible();
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }

    Directory.Delete(work, recursive: true);
}

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
