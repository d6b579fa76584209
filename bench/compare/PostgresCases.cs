using System.Diagnostics;
using Npgsql;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Postgres;
using Verso.Testing.Postgres;
using Verso.Versioning;

namespace Verso.Compare;

// The PostgreSQL store beside a raw Npgsql loop, on a private server started for the run (fsync on).
internal static class PostgresCases
{
    /// <summary>Changed saves from <paramref name="writers"/> tasks, each to its own entity or all to one (<paramref name="hot"/>).</summary>
    public static async Task<double> VersoSavesPerSecondAsync(PostgresServer server, int writers, int savesEach, bool hot = false)
    {
        await using var store = new PostgresVersionStore(await server.CreateDatabaseAsync());
        await store.InitializeAsync();
        var service = new VersioningService(store, new KindRegistry());
        var keys = Enumerable.Range(0, writers).Select(w => EntityKey.Create("agent", hot ? "hot" : $"w{w}")).ToArray();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(keys.Select((key, w) => Task.Run(async () =>
        {
            for (var n = 0; n < savesEach; n++)
            {
                // Each writer's records differ from every other's, so no save on the hot entity is unchanged.
                await service.SaveAsync(key, Records.Agent((n * writers) + w), new SaveOptions("bench"));
            }
        })));
        var rate = writers * savesEach / clock.Elapsed.TotalSeconds;
        foreach (var key in keys.Distinct())
        {
            await Check.GaplessAsync(store, key, hot ? writers * savesEach : savesEach);
        }

        return rate;
    }

    /// <summary>One INSERT and one COMMIT per save, prepared once, on one connection.</summary>
    public static async Task<double> RawInsertCommitPerSecondAsync(PostgresServer server, int saves)
    {
        var uri = new Uri(await server.CreateDatabaseAsync());
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host, Port = uri.Port, Database = uri.AbsolutePath.TrimStart('/'),
            Username = PostgresServer.User, Password = PostgresServer.Password,
        };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE versions (entity text NOT NULL, version integer NOT NULL, content bytea NOT NULL, PRIMARY KEY (entity, version));", connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var records = Enumerable.Range(0, saves).Select(Records.Agent).ToArray();
        await using var insert = new NpgsqlCommand("INSERT INTO versions (entity, version, content) VALUES ('a1', $1, $2);", connection);
        insert.Parameters.Add(new NpgsqlParameter<int>());
        insert.Parameters.Add(new NpgsqlParameter<byte[]>());
        await insert.PrepareAsync();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < saves; n++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            ((NpgsqlParameter<int>)insert.Parameters[0]).TypedValue = n + 1;
            ((NpgsqlParameter<byte[]>)insert.Parameters[1]).TypedValue = records[n];
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        var rate = saves / clock.Elapsed.TotalSeconds;
        await using var count = new NpgsqlCommand("SELECT count(*) FROM versions;", connection);
        if ((long)(await count.ExecuteScalarAsync())! != saves)
        {
            throw new InvalidOperationException("the raw Npgsql loop lost rows");
        }

        return rate;
    }
}
