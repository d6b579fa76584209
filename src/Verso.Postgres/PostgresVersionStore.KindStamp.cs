using Verso.Storage;

namespace Verso.Postgres;

// A kind's stamp: how many entities of the kind there are, the sum of their heads and how many of their versions
// lost their content. Heads only grow and removals are only added, so any new version, new entity, prune or erase
// of the kind moves one of the three. One round trip, as the listing it replaces, without the heads behind it.
public sealed partial class PostgresVersionStore : IKindStamp
{
    /// <inheritdoc />
    public async ValueTask<string?> GetKindStampAsync(string kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return await _connections.RunAsync<string?>(
            async connection =>
            {
                await using var command = Command(
                    connection,
                    """
                    SELECT count(*) || ':' || coalesce(sum(e.head), 0) || ':' ||
                           (SELECT count(*) FROM verso.content_removals r JOIN verso.entities k ON k.entity_pk = r.entity_pk WHERE k.kind = $1)
                    FROM verso.entities e WHERE e.kind = $1 AND e.head > 0;
                    """,
                    kind);
                return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }
}
