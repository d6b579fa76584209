using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Postgres;
using Verso.Storage;
using Verso.Testing.Postgres;

namespace Verso.Compare;

// What a version costs the PostgreSQL store: its tables, indexes and TOAST after gc's repack, and the WAL a
// save writes. PostgreSQL's own figures (pg_total_relation_size, pg_current_wal_lsn), no file-system reads.
internal static class PostgresStorageCases
{
    /// <summary>The bytes of Verso's tables holding <paramref name="contents"/> as one entity's history, repacked.</summary>
    public static async Task<long> StoreBytesAsync(PostgresServer server, IReadOnlyList<byte[]> contents)
    {
        await using var store = new PostgresVersionStore(await server.CreateDatabaseAsync());
        await store.InitializeAsync();
        var key = EntityKey.Create("agent", "reviewer");
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        await store.AppendBatchAsync([.. contents.Select((content, n) => new AppendRequest(key, CanonicalJson.CreateDocument(content), "bench", at.AddSeconds(n)))]);
        await Check.GaplessAsync(store, key, contents.Count);
        await store.RepackAsync();
        return await store.GetStoreBytesAsync();
    }

    /// <summary>The WAL bytes one save writes: <paramref name="saves"/> one-line edits saved one at a time after a first version.</summary>
    public static async Task<double> WalBytesPerSaveAsync(PostgresServer server, IReadOnlyList<byte[]> contents, int saves)
    {
        var uri = await server.CreateDatabaseAsync();
        await using var store = new PostgresVersionStore(uri);
        await store.InitializeAsync();
        var key = EntityKey.Create("agent", "reviewer");
        var at = DateTimeOffset.UnixEpoch.AddYears(56);
        await store.AppendAsync(new AppendRequest(key, CanonicalJson.CreateDocument(contents[0]), "bench", at));
        await using var connection = new Npgsql.NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri));
        await connection.OpenAsync();
        await using var lsn = new Npgsql.NpgsqlCommand("SELECT pg_current_wal_lsn()::text;", connection);
        var before = (string)(await lsn.ExecuteScalarAsync())!;
        for (var n = 1; n <= saves; n++)
        {
            await store.AppendAsync(new AppendRequest(key, CanonicalJson.CreateDocument(contents[n]), "bench", at.AddSeconds(n)));
        }

        await using var diff = new Npgsql.NpgsqlCommand($"SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '{before}')::bigint;", connection);
        return (long)(await diff.ExecuteScalarAsync())! / (double)saves;
    }
}
