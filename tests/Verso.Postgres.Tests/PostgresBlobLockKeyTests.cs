using Npgsql;
using Verso.Documents.Hashing;
using Verso.Testing.Postgres;

namespace Verso.Postgres.Tests;

/// <summary>
/// The append tries a keyframe's blob lock in SQL (in the head lock's round trip) while a prune or an erase takes
/// it from C# (BlobLockKey): both must name the same lock, or a removal could delete a base a new delta uses.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresBlobLockKeyTests(PostgresServerFixture postgres)
{
    [Theory]
    [InlineData("0000000000000000")]
    [InlineData("7fffffffffffffff")]
    [InlineData("8000000000000000")]
    [InlineData("ffffffffffffffff")]
    [InlineData("a1b2c3d4e5f60718")]
    public async Task TheLockKeyComputedInSqlIsBlobLockKey(string first16)
    {
        var hash = ContentHash.FromHex(first16 + new string('e', 48));
        await using var connection = new NpgsqlConnection(PostgresConnectionStrings.ToNpgsql(await postgres.Server.CreateDatabaseAsync()));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT ('x' || substr($1, 1, 16))::bit(64)::bigint;", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = hash.Hex });

        Assert.Equal(PostgresVersionStore.BlobLockKey(hash), (long)(await command.ExecuteScalarAsync())!);
    }
}
