using System.Globalization;
using System.Text.Json;
using Verso.ScaleLoad;

// dotnet bench/scale/load/bin/Release/net10.0/Verso.ScaleLoad.dll --verso PATH --store postgres://…
//   [--instances 4] [--seconds 20] [--readers 4] [--savers 2] [--entities 16]
// Starts INSTANCES `verso serve` on the store (already initialized, usually filled by bench/scale), opens a change
// stream on each, then measures one instance alone and all of them together under the same load per instance
// (READERS reading and SAVERS saving per instance), and checks: every acknowledged save is in the history exactly
// once and the versions are gapless, every instance answers the same head and hash for every entity, and every
// stream heard every acknowledged save exactly once. Exits 1 when a check fails.
var verso = Option("--verso") ?? throw new ArgumentException("give --verso PATH");
var store = Option("--store") ?? throw new ArgumentException("give --store URI");
var count = Int("--instances", 4);
var seconds = double.Parse(Option("--seconds") ?? "20", CultureInfo.InvariantCulture);
var readers = Int("--readers", 4);
var savers = Int("--savers", 2);
var entities = Int("--entities", 16);

var instances = new List<Instance>();
var streams = new List<ChangeStream>();
try
{
    for (var i = 0; i < count; i++)
    {
        instances.Add(await Instance.StartAsync(verso, store, i));
    }

    var targets = await ReadTargetsAsync(instances[0].Client);
    foreach (var instance in instances)
    {
        streams.Add(await ChangeStream.OpenAsync(instance.Client, 0));
    }

    var load = new Load(targets, entities);
    Console.WriteLine($"{count} `verso serve` instances on one PostgreSQL; per instance {readers} readers and {savers} savers, {seconds} s a phase; {entities} shared entities saved through every instance; {Environment.ProcessorCount} cores (clients on the same machine)");
    // Alone, together, alone again: the alone figure is the mean of the two, so drift falls on both sides.
    var alone1 = (await load.RunAsync([instances[0]], readers, savers, seconds))[0];
    var together = await load.RunAsync(instances, readers, savers, seconds);
    var alone2 = (await load.RunAsync([instances[0]], readers, savers, seconds))[0];
    var alone = ((alone1.Reads + alone2.Reads) / 2, (alone1.Saves + alone2.Saves) / 2);
    Console.WriteLine("| instance | reads/s, all running | saves/s, all running | reads vs one alone | saves vs one alone |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    Console.WriteLine(Invariant($"| one alone (mean of before and after) | {alone.Item1:N0} | {alone.Item2:N1} | 1.00x | 1.00x |"));
    for (var i = 0; i < together.Length; i++)
    {
        Console.WriteLine(Invariant($"| #{i + 1} of {count} | {together[i].Reads:N0} | {together[i].Saves:N1} | {together[i].Reads / alone.Item1:F2}x | {together[i].Saves / alone.Item2:F2}x |"));
    }

    var (sumReads, sumSaves) = (together.Sum(t => t.Reads), together.Sum(t => t.Saves));
    Console.WriteLine(Invariant($"| sum of {count} | {sumReads:N0} | {sumSaves:N1} | {sumReads / alone.Item1:F2}x | {sumSaves / alone.Item2:F2}x |"));
    Console.WriteLine($"failed requests: {load.Failed}{(load.Failed > 0 ? ", e.g. " + string.Join("; ", load.Failures) : "")}");

    var problems = await Checks.RunAsync(instances, streams, load, targets, entities);
    foreach (var problem in problems)
    {
        Console.WriteLine("PROBLEM: " + problem);
    }

    Console.WriteLine(problems.Count == 0
        ? $"checks: {load.Acknowledged.Count:N0} acknowledged saves, each in the history exactly once, versions gapless; all {count} instances answer the same head and hash for the {entities} saved and {targets.Length} read entities; each of the {count} streams heard every save exactly once"
        : $"checks: {problems.Count} problems");
    return problems.Count == 0 && load.Failed == 0 ? 0 : 1;
}
finally
{
    foreach (var stream in streams)
    {
        await stream.DisposeAsync();
    }

    foreach (var instance in instances)
    {
        await instance.DisposeAsync();
    }
}

// Entities of the filled store to read: the first page of each kind the filler writes.
static async Task<string[]> ReadTargetsAsync(HttpClient client)
{
    var targets = new List<string>();
    foreach (var kind in new[] { "agent", "role", "workflow" })
    {
        using var page = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/entities/{kind}?limit=200"));
        targets.AddRange(page.RootElement.GetProperty("items").EnumerateArray().Select(e => $"{kind}/{e.GetProperty("id").GetString()}"));
    }

    return targets.Count == 0 ? throw new InvalidOperationException("the store holds no agent, role or workflow to read") : [.. targets];
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

int Int(string name, int fallback) => int.Parse(Option(name) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
