using Npgsql;
using Verso.Naming;
using Verso.Storage;
using Verso.Testing.Postgres;
using Verso.Testing.Support;

using static Verso.Postgres.Tests.PostgresSql;

namespace Verso.Postgres.Tests;

/// <summary>
/// The plans PostgreSQL keeps for the store's prepared reads. Npgsql prepares a statement once it is used twice, and
/// after five runs PostgreSQL may switch to a generic plan, made without the parameters' values: a read whose index
/// choice depends on those values must still pick the right index then.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresQueryPlanTests(PostgresServerFixture postgres)
{
    [Fact]
    public async Task AHashPrefixLookupProbesTheHashIndexEvenInAGenericPlan()
    {
        var uri = await postgres.Server.CreateDatabaseAsync();
        await using (var store = new PostgresVersionStore(uri))
        {
            await store.InitializeAsync();
            // One long history among many short ones, as in a real organization: the primary key's estimate for
            // "versions of one entity" is then small, which is what made the generic plan prefer it.
            var longLived = Some.Key();
            await store.AppendBatchAsync([.. Enumerable.Range(1, 400).Select(n => Some.Append(longLived, Some.Document(n)))]);
            await store.AppendBatchAsync([.. Enumerable.Range(1, 400).Select(n => Some.Append(Some.Key(), Some.Document(n)))]);
        }

        await using var connection = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(uri) + ";Pooling=false");
        await connection.OpenAsync();
        await ExecuteAsync(connection, "ANALYZE verso.versions; ANALYZE verso.entities; SET plan_cache_mode = force_generic_plan;");
        await ExecuteAsync(connection, "PREPARE find_by_hash (text, text, bytea, bytea, int) AS "
            + PostgresDialect.Instance.SelectSnapshot + PostgresVersionStore.FindByHashWhere.TrimEnd().TrimEnd(';'));
        var plan = await ExplainAsync(connection, "EXPLAIN EXECUTE find_by_hash ('agent', 'x', '\\x00'::bytea, '\\xff'::bytea, 10);");

        Assert.Contains("versions_by_content", plan, StringComparison.Ordinal);
    }

    private static async Task<string> ExplainAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
