using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Verso.Documents.Canonical;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Compare;

// Verso's SQLite store beside the plainest code that does the same durable work.
internal static class SqliteCases
{
    public static async Task<double> VersoChangedSavesPerSecondAsync(int saves, SqliteSynchronous synchronous)
    {
        using var directory = new Scratch();
        var service = await ServiceAsync(directory, synchronous);
        var key = EntityKey.Create("agent", "a1");
        var records = Enumerable.Range(0, saves).Select(Records.Agent).ToArray();
        var clock = Stopwatch.StartNew();
        foreach (var record in records)
        {
            await service.SaveAsync(key, record, new SaveOptions("bench"));
        }

        var rate = saves / clock.Elapsed.TotalSeconds;
        await Check.GaplessAsync(service.Store, key, saves);
        return rate;
    }

    public static async Task<double> VersoUnchangedSavesPerSecondAsync(int saves, SqliteSynchronous synchronous)
    {
        using var directory = new Scratch();
        var service = await ServiceAsync(directory, synchronous);
        var key = EntityKey.Create("agent", "a1");
        var record = Records.Agent(1);
        await service.SaveAsync(key, record, new SaveOptions("bench"));
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < saves; n++)
        {
            if ((await service.SaveAsync(key, record, new SaveOptions("bench"))).Outcome != AppendOutcome.Unchanged)
            {
                throw new InvalidOperationException("an unchanged save appended a version");
            }
        }

        var rate = saves / clock.Elapsed.TotalSeconds;
        await Check.GaplessAsync(service.Store, key, 1);
        return rate;
    }

    /// <summary>One INSERT and one COMMIT per save, the statement prepared once: the floor of a durable append.</summary>
    public static async Task<double> RawInsertCommitPerSecondAsync(int saves, SqliteSynchronous synchronous)
    {
        using var directory = new Scratch();
        await using var connection = await RawConnectionAsync(directory, synchronous);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO versions (entity, version, content) VALUES ('a1', $version, $content);";
        var (version, content) = (insert.Parameters.Add("$version", SqliteType.Integer), insert.Parameters.Add("$content", SqliteType.Blob));
        var records = Enumerable.Range(0, saves).Select(Records.Agent).ToArray();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < saves; n++)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            insert.Transaction = transaction;
            (version.Value, content.Value) = (n + 1, records[n]);
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var rate = saves / clock.Elapsed.TotalSeconds;
        await Check.RawCountAsync(connection, saves);
        return rate;
    }

    /// <summary>Seconds to append <paramref name="contents"/> as versions of one entity in one batch.</summary>
    public static async Task<double> VersoBatchSecondsAsync(IReadOnlyList<CanonicalDocument> contents)
    {
        using var directory = new Scratch();
        var store = SqliteVersionStore.ForFile(directory.File("verso.db"));
        await store.InitializeAsync();
        var key = EntityKey.Create("agent", "a1");
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        var requests = contents.Select((content, n) => new AppendRequest(key, content, "bench", at.AddSeconds(n)) { Operation = Model.Snapshots.VersionOperation.Import }).ToArray();
        var clock = Stopwatch.StartNew();
        await store.AppendBatchAsync(requests);
        var seconds = clock.Elapsed.TotalSeconds;
        await Check.GaplessAsync(store, key, contents.Count);
        return seconds;
    }

    /// <summary>Seconds to INSERT the same contents in one transaction, one prepared statement.</summary>
    public static async Task<double> RawSingleTransactionSecondsAsync(IReadOnlyList<CanonicalDocument> contents)
    {
        using var directory = new Scratch();
        await using var connection = await RawConnectionAsync(directory, SqliteSynchronous.Full);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO versions (entity, version, content) VALUES ('a1', $version, $content);";
        var (version, content) = (insert.Parameters.Add("$version", SqliteType.Integer), insert.Parameters.Add("$content", SqliteType.Blob));
        var clock = Stopwatch.StartNew();
        await using (var transaction = connection.BeginTransaction(deferred: false))
        {
            insert.Transaction = transaction;
            for (var n = 0; n < contents.Count; n++)
            {
                (version.Value, content.Value) = (n + 1, contents[n].Utf8.ToArray());
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        await Check.RawCountAsync(connection, contents.Count);
        return seconds;
    }

    /// <summary>Saves per second of <paramref name="writers"/> concurrent writers, each on an entity of its own.</summary>
    public static async Task<double> ConcurrentSavesPerSecondAsync(int writers, int savesEach)
    {
        using var directory = new Scratch();
        var service = await ServiceAsync(directory, SqliteSynchronous.Full);
        var keys = Enumerable.Range(0, writers).Select(w => EntityKey.Create("agent", $"w{w}")).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(keys.Select(key => Task.Run(async () =>
        {
            for (var n = 0; n < savesEach; n++)
            {
                await service.SaveAsync(key, Records.Agent(n), new SaveOptions("bench"));
            }
        })));
        var rate = writers * savesEach / clock.Elapsed.TotalSeconds;
        foreach (var key in keys)
        {
            await Check.GaplessAsync(service.Store, key, savesEach);
        }

        return rate;
    }

    public static async Task<VersioningService> ServiceAsync(Scratch directory, SqliteSynchronous synchronous)
    {
        var store = SqliteVersionStore.ForFile(directory.File("verso.db"), synchronous);
        await store.InitializeAsync();
        return new VersioningService(store, new KindRegistry());
    }

    private static async Task<SqliteConnection> RawConnectionAsync(Scratch directory, SqliteSynchronous synchronous)
    {
        var connection = new SqliteConnection($"Data Source={directory.File("raw.db")};Pooling=False");
        await connection.OpenAsync();
        await using var setup = connection.CreateCommand();
        setup.CommandText = $"""
            PRAGMA journal_mode = WAL; PRAGMA synchronous = {(synchronous == SqliteSynchronous.Full ? "FULL" : "NORMAL")};
            CREATE TABLE versions (entity TEXT NOT NULL, version INTEGER NOT NULL, content BLOB NOT NULL, PRIMARY KEY (entity, version));
            """;
        await setup.ExecuteNonQueryAsync();
        return connection;
    }
}
