using System.Globalization;
using Verso.Documents.Canonical;
using Verso.Compare;
using Verso.Naming;
using Verso.Sqlite;
using Verso.Testing.Postgres;

// dotnet run -c Release --project bench/compare -- [--anchor PATH-TO-anchor_synthorg_design.py] [--repeats N] [--no-postgres]
//   [--only saves|batch|history|import-git|concurrent|pages|storage|postgres] (storage without --no-postgres measures PostgreSQL's bytes too) (one group of pairs; comma-separated for several)
//   [--pg-settings name=value,…] (server settings of the postgres pairs' private server, e.g. synchronous_commit=off to leave the disk's sync out)
// Prints one Markdown row per pair: the medians of both sides and the ratio (how many times as good the first is).
var anchor = Option("--anchor") ?? Environment.GetEnvironmentVariable("VERSO_ANCHOR");
var repeats = int.Parse(Option("--repeats") ?? "3", CultureInfo.InvariantCulture);
var postgres = !args.Contains("--no-postgres");
var only = Option("--only")?.Split(',');
const int Saves = 1000;
const int Imported = 10_000;

var anchorRuns = anchor is not null && File.Exists(anchor) && await ExternalCases.AnchorRunsAsync();
Console.WriteLine(anchorRuns ? $"anchor: {Path.GetFileName(anchor)}" : "anchor: not run (give --anchor PATH; it needs python3 with pydantic)");
Console.WriteLine("| pair | first (median) | second (median) | first vs second |");
Console.WriteLine("|---|---|---|---|");

foreach (var (mode, name) in Runs("saves") ? new[] { (SqliteSynchronous.Full, "full"), (SqliteSynchronous.Normal, "normal") } : [])
{
    await SideBySide.RunAsync($"changed save, synchronous={name}", "saves/s", true, repeats,
        new Side("Verso", () => SqliteCases.VersoChangedSavesPerSecondAsync(Saves, mode)),
        new Side("raw INSERT+COMMIT", () => SqliteCases.RawInsertCommitPerSecondAsync(Saves, mode)));
    if (anchorRuns)
    {
        await SideBySide.RunAsync($"changed save, synchronous={name}", "saves/s", true, repeats,
            new Side("Verso", () => SqliteCases.VersoChangedSavesPerSecondAsync(Saves, mode)),
            new Side("Python design", () => ExternalCases.AnchorSavesPerSecondAsync(anchor!, Saves, name, changed: true)));
        await SideBySide.RunAsync($"unchanged save, synchronous={name}", "saves/s", true, repeats,
            new Side("Verso", () => SqliteCases.VersoUnchangedSavesPerSecondAsync(Saves * 5, mode)),
            new Side("Python design", () => ExternalCases.AnchorSavesPerSecondAsync(anchor!, Saves * 5, name, changed: false)));
    }
}

var agents = Enumerable.Range(0, Imported).Select(n => CanonicalJson.CreateDocument(Records.Agent(n))).ToArray();
if (Runs("batch"))
{
    await SideBySide.RunAsync($"{Imported:N0} versions in one call", "s", false, repeats,
        new Side("Verso batch", () => SqliteCases.VersoBatchSecondsAsync(agents)),
        new Side("raw single-transaction insert", () => SqliteCases.RawSingleTransactionSecondsAsync(agents)));
}

var charters = Enumerable.Range(0, Imported).Select(Records.LongCharterRecord).ToArray();
if (Runs("history"))
{
    await SideBySide.RunAsync($"{Imported:N0}-version history of a 21 KB charter", "s", false, repeats,
        new Side("Verso batch (canonicalized)", () => SqliteCases.VersoBatchSecondsAsync([.. charters.Select(c => CanonicalJson.CreateDocument(c))])),
        new Side("git fast-import", async () =>
        {
            using var directory = new Scratch();
            return await ExternalCases.GitFastImportSecondsAsync(directory, charters);
        }));
}

if (Runs("import-git"))
{
    await SideBySide.RunAsync($"import-git of a {Imported:N0}-commit history of one 21 KB file", "s", false, repeats,
        new Side("verso import-git", () => GitImportCases.ImportGitSecondsAsync(charters)),
        new Side("git fast-import", async () =>
        {
            using var directory = new Scratch();
            return await ExternalCases.GitFastImportSecondsAsync(directory, charters, "charter.json");
        }));
}

if (Runs("concurrent"))
{
    await SideBySide.RunAsync("concurrent saves, synchronous=full", "saves/s", true, repeats,
        new Side("16 writers", () => SqliteCases.ConcurrentSavesPerSecondAsync(16, Saves / 16)),
        new Side("1 writer", () => SqliteCases.ConcurrentSavesPerSecondAsync(1, Saves)));
}

const int Deep = 200_000;
if (Runs("pages"))
{
    using var directory = new Scratch();
    var key = EntityKey.Create("agent", "long");
    var store = await StorageCases.LongHistoryAsync(directory, key, Deep);
    await SideBySide.RunAsync($"page of 20 of {Deep:N0} versions", "µs", false, repeats,
        new Side("--offset 199,000", () => StorageCases.PageMicrosecondsAsync(store, key, Deep, Deep - 1_000, cursor: false, reads: 200)),
        new Side("first page", () => StorageCases.PageMicrosecondsAsync(store, key, Deep, 0, cursor: false, reads: 200)));
    await SideBySide.RunAsync($"page of 20 of {Deep:N0} versions", "µs", false, repeats,
        new Side("cursor before 1,001", () => StorageCases.PageMicrosecondsAsync(store, key, Deep, Deep - 1_000, cursor: true, reads: 200)),
        new Side("first page", () => StorageCases.PageMicrosecondsAsync(store, key, Deep, 0, cursor: false, reads: 200)));
}

if (Runs("storage"))
{
    using var directory = new Scratch();
    var verso = await StorageCases.StoreBytesAsync(directory, charters);
    await ExternalCases.GitFastImportSecondsAsync(directory, [.. charters.Select(c => System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonDocument.Parse(c).RootElement.GetProperty("charter").GetString()!))]);
    var git = await ExternalCases.GitPackBytesAsync(directory);
    Console.WriteLine(new Row($"bytes on disk, {Imported:N0} one-line edits of a 21 KB charter", "Verso", verso, "git pack", git, "B", false));
    var wal = await StorageCases.WalBytesPerSaveAsync(directory, charters, 50);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  wal.db: {wal:N0} B of write-ahead log per one-line edit saved alone (50 saves)"));
}

if (Runs("storage"))
{
    using var directory = new Scratch();
    var records = Enumerable.Range(0, Saves).Select(Records.Agent).ToArray();
    var verso = await StorageCases.StoreBytesAsync(directory, records);
    Console.WriteLine(new Row($"bytes on disk, {Saves:N0} distinct 2.2 KB records", "Verso", verso, "their bytes", records.Sum(r => (long)CanonicalJson.CreateDocument(r).Length), "B", false));
}

if (postgres && Runs("storage"))
{
    await using var server = await PostgresServer.StartAsync(durable: true);
    using var directory = new Scratch();
    var bytes = await PostgresStorageCases.StoreBytesAsync(server, charters);
    await ExternalCases.GitFastImportSecondsAsync(directory, [.. charters.Select(c => System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonDocument.Parse(c).RootElement.GetProperty("charter").GetString()!))]);
    var git = await ExternalCases.GitPackBytesAsync(directory);
    Console.WriteLine(new Row($"PostgreSQL bytes, {Imported:N0} one-line edits of a 21 KB charter", "Verso", bytes, "git pack", git, "B", false));
    var wal = await PostgresStorageCases.WalBytesPerSaveAsync(server, charters, 200);
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  PostgreSQL: {wal:N0} B of WAL per one-line edit saved alone (200 saves)"));
}

if (postgres && Runs("postgres"))
{
    await using var server = await PostgresServer.StartAsync(durable: true, Option("--pg-settings")?.Split(','));
    await SideBySide.RunAsync("PostgreSQL changed save, 1 writer", "saves/s", true, repeats,
        new Side("Verso", () => PostgresCases.VersoSavesPerSecondAsync(server, 1, Saves)),
        new Side("raw Npgsql INSERT+COMMIT", () => PostgresCases.RawInsertCommitPerSecondAsync(server, Saves)));
    await SideBySide.RunAsync("PostgreSQL concurrent saves, distinct entities", "saves/s", true, repeats,
        new Side("16 writers", () => PostgresCases.VersoSavesPerSecondAsync(server, 16, Saves / 16)),
        new Side("1 writer", () => PostgresCases.VersoSavesPerSecondAsync(server, 1, Saves)));
    await SideBySide.RunAsync("PostgreSQL concurrent saves, one hot entity", "saves/s", true, repeats,
        new Side("16 writers", () => PostgresCases.VersoSavesPerSecondAsync(server, 16, Saves / 16, hot: true)),
        new Side("1 writer", () => PostgresCases.VersoSavesPerSecondAsync(server, 1, Saves)));
}

bool Runs(string group) => only is null || only.Contains(group);

string? Option(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
