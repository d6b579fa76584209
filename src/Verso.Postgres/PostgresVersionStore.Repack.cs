using Verso.Storage;

namespace Verso.Postgres;

// verso gc's last step: VACUUM (FULL) rewrites each of Verso's tables and its indexes into new files, so the
// dead tuples of gc's re-encoding (and of prunes, erases and an upgrade's rewrites) go back to the file system.
// One table at a time, each under its own lock: appends wait for the tables they write, never for the whole run.
public sealed partial class PostgresVersionStore : IStoreRepack
{
    private static readonly string[] RepackedTables =
        ["blobs", "versions", "entities", "version_refs", "tags", "tag_history", "content_removals"];

    /// <inheritdoc />
    public Task<long> GetStoreBytesAsync(CancellationToken cancellationToken = default) =>
        _connections.RunAsync(
            async connection =>
            {
                await using var command = Command(connection, """
                    SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = 'verso' AND c.relkind = 'r';
                    """);
                return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
            },
            cancellationToken);

    /// <inheritdoc />
    public Task RepackAsync(CancellationToken cancellationToken = default) =>
        _connections.RunAsync(
            async connection =>
            {
                foreach (var table in RepackedTables)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    // VACUUM runs outside any transaction block, one statement per command.
                    await using var command = Command(connection, $"VACUUM (FULL, ANALYZE) verso.{table};");
                    command.CommandTimeout = 0;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return true;
            },
            cancellationToken);
}
