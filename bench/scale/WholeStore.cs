using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Verso.Storage.History;
using Verso.Storage.Integrity;
using Verso.Postgres;
using Verso.Storage;

namespace Verso.Scale;

// The whole-store operations: the manifest of every entity, a change-feed catch-up, verify, bytes per version.
internal static class WholeStore
{
    /// <summary>Seconds to build the manifest (median of three), beside the same on the store of one entity.</summary>
    public static async Task ManifestAsync(IVersionStore big, long entities, IVersionStore small)
    {
        var (onBig, onSmall) = (new List<double>(), new List<double>());
        for (var round = 0; round < 3; round++)
        {
            var clock = Stopwatch.StartNew();
            var manifest = await ManifestBuilder.BuildAsync(big);
            onBig.Add(clock.Elapsed.TotalSeconds);
            if (manifest.Entries.Length != entities)
            {
                throw new InvalidOperationException($"the manifest lists {manifest.Entries.Length} entities, the store holds {entities}");
            }

            clock.Restart();
            _ = await ManifestBuilder.BuildAsync(small);
            onSmall.Add(clock.Elapsed.TotalSeconds);
        }

        Console.WriteLine(Line($"manifest of {entities:N0} entities: {Pair.Median(onBig):F3} s (median of 3; goal ≤ 1 s); of one entity: {Pair.Median(onSmall) * 1e6:N0} µs"));
    }

    /// <summary>Events a second to read the change log from <paramref name="events"/> before its end to the end, 1,000 a page.</summary>
    public static async Task CatchUpAsync(IVersionStore store, long events)
    {
        var log = (IChangeLog)store;
        var last = await log.GetLastSequenceAsync();
        var after = Math.Max(0, last - events);
        var (read, previous) = (0L, after);
        var clock = Stopwatch.StartNew();
        while (after < last)
        {
            var page = await log.ReadChangesAsync(after, 1000);
            foreach (var entry in page)
            {
                // Gapless and in order: what a catching-up reader relies on.
                if (entry.Sequence <= previous)
                {
                    throw new InvalidOperationException($"the change log went back from {previous} to {entry.Sequence}");
                }

                previous = entry.Sequence;
            }

            read += page.Count;
            after = page.Count == 0 ? last : page[^1].Sequence;
        }

        Console.WriteLine(Line($"change-feed catch-up: {read:N0} events in {clock.Elapsed.TotalSeconds:F1} s = {read / clock.Elapsed.TotalSeconds:N0} events/s (pages of 1,000)"));
    }

    /// <summary>Verifies the whole store; prints versions a second.</summary>
    public static async Task<double> VerifyAsync(IVersionStore store, string label)
    {
        var clock = Stopwatch.StartNew();
        var report = await IntegrityVerifier.VerifyAsync(store);
        var seconds = clock.Elapsed.TotalSeconds;
        if (!report.IsIntact)
        {
            throw new InvalidOperationException($"verify of {label} found {report.Problems.Length} problems, e.g. {report.Problems.FirstOrDefault()}");
        }

        var rate = report.Versions / seconds;
        Console.WriteLine(Line($"verify of {label}: {report.Versions:N0} versions of {report.Entities:N0} entities in {seconds:F1} s = {rate:N0} versions/s, intact"));
        return rate;
    }

    /// <summary>The store's bytes on disk over its versions: a PostgreSQL database's size, or a SQLite file with its WAL.</summary>
    public static async Task BytesAsync(IVersionStore store, string where, long versions)
    {
        long bytes;
        if (store is PostgresVersionStore)
        {
            await using var connection = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(where));
            await connection.OpenAsync();
            await using var vacuum = new NpgsqlCommand("VACUUM ANALYZE;", connection) { CommandTimeout = 0 };
            await vacuum.ExecuteNonQueryAsync();
            await using var size = new NpgsqlCommand("SELECT pg_database_size(current_database());", connection);
            bytes = (long)(await size.ExecuteScalarAsync())!;
        }
        else
        {
            bytes = new[] { "", "-wal", "-shm" }.Select(s => where + s).Where(File.Exists).Sum(f => new FileInfo(f).Length);
        }

        Console.WriteLine(Line($"bytes on disk: {bytes:N0} for {versions:N0} versions = {(double)bytes / versions:N0} bytes per version"));
    }

    private static string Line(FormattableString text) => "- " + text.ToString(CultureInfo.InvariantCulture);
}
