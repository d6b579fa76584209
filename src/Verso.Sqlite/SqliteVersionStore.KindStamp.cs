using System.Globalization;
using Microsoft.Data.Sqlite;
using Verso.Storage;

namespace Verso.Sqlite;

// A kind's stamp: how many entities of the kind there are, the sum of their heads and how many of their versions
// lost their content. Heads only grow and removals are only added, so any new version, new entity, prune or erase
// of the kind moves one of the three. Read on the change stamp's own connection with one prepared statement: an
// index range read, a few microseconds, where the listing and the heads it replaces cost a connection and rows.
public sealed partial class SqliteVersionStore : IKindStamp
{
    private const string KindStampSql = """
        SELECT count(*), coalesce(sum(e.head), 0),
               (SELECT count(*) FROM content_removals r JOIN entities k ON k.entity_pk = r.entity_pk WHERE k.kind = $kind)
        FROM entities e WHERE e.kind = $kind;
        """;

    private SqliteCommand? _kindStamp;

    /// <inheritdoc />
    public ValueTask<string?> GetKindStampAsync(string kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        if (IsInMemory)
        {
            return ValueTask.FromResult<string?>(null);
        }

        lock (_stampLock)
        {
            try
            {
                if (_stampConnection is null)
                {
                    _stampConnection = _connections.OpenUnpooled();
                    _stampGeneration++;
                }

                if (_kindStamp is null || _kindStamp.Connection != _stampConnection)
                {
                    _kindStamp?.Dispose();
                    _kindStamp = _stampConnection.CreateCommand();
                    _kindStamp.CommandText = KindStampSql;
                    _kindStamp.Parameters.Add(new SqliteParameter("$kind", SqliteType.Text));
                    _kindStamp.Prepare();
                }

                _kindStamp.Parameters[0].Value = kind;
                using var reader = _kindStamp.ExecuteReader();
                reader.Read();
                return ValueTask.FromResult<string?>(string.Create(
                    CultureInfo.InvariantCulture, $"{reader.GetInt64(0)}:{reader.GetInt64(1)}:{reader.GetInt64(2)}"));
            }
            catch (SqliteException)
            {
                // A stamp that cannot be read keeps nothing: the caller reads the store itself, which reports the fault.
                _kindStamp?.Dispose();
                _kindStamp = null;
                _stampConnection?.Dispose();
                _stampConnection = null;
                return ValueTask.FromResult<string?>(null);
            }
        }
    }
}
