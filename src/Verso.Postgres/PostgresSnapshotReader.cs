using Npgsql;
using Verso.Hashing;
using Verso.Naming;
using Verso.Snapshots;

namespace Verso.Postgres;

// The one SELECT shape every snapshot read uses, and the mapping of its row to a Snapshot.
internal static class PostgresSnapshotReader
{
    public const string SelectSnapshot = """
        SELECT e.kind, e.id, v.version, v.hash, b.content, v.saved_by, v.saved_at, v.message, v.operation, v.schema_version, v.revert_of, v.chain_hash
        FROM verso.versions v
        JOIN verso.entities e ON e.entity_pk = v.entity_pk
        JOIN verso.blobs b ON b.hash = v.hash
        """;

    public static Snapshot Read(NpgsqlDataReader row) => new(
        EntityKey.Create(row.GetString(0), row.GetString(1)),
        row.GetInt32(2),
        ContentHash.FromHex(row.GetString(3)),
        row.IsDBNull(4) ? [] : row.GetFieldValue<byte[]>(4),
        row.GetString(5),
        new DateTimeOffset(row.GetFieldValue<DateTime>(6), TimeSpan.Zero),
        row.IsDBNull(7) ? null : row.GetString(7),
        VersionOperations.Parse(row.GetString(8)),
        row.GetInt32(9))
    {
        RevertOf = row.IsDBNull(10) ? null : row.GetInt32(10),
        ChainHash = row.IsDBNull(11) ? null : ContentHash.FromHex(row.GetString(11)),
    };

    public static async Task<List<Snapshot>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var snapshots = new List<Snapshot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            snapshots.Add(Read(reader));
        }

        return snapshots;
    }
}
