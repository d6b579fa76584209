using Verso.Storage;

namespace Verso.Postgres;

// The change stamp: the server's current snapshot as text (xmin:xmax:in-progress ids). A commit anywhere on
// the server either leaves that in-progress list or raises xmax, so two equal snapshots have no commit of this
// store between them; unrelated commits (another database) only make a stamp change for nothing. The sequence
// of versions alone would miss a prune, an erase and a tag move, which write no version.
public sealed partial class PostgresVersionStore : IChangeStamp
{
    /// <inheritdoc />
    public async ValueTask<string?> GetChangeStampAsync(CancellationToken cancellationToken = default) =>
        await _connections.RunAsync<string?>(
            async connection =>
            {
                await using var command = Command(connection, "SELECT pg_current_snapshot()::text;");
                return (string?)await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
}
