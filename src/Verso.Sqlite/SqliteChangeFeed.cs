using System.Runtime.CompilerServices;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Sqlite;

// Polls the versions' store-wide sequence: one index range scan per poll, whatever the history's length.
internal sealed class SqliteChangeFeed(SqliteConnectionFactory connections, string? kind, long after) : IChangeFeed
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private long _after = after;

    public async IAsyncEnumerable<VersionEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var @event in await PollAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return @event;
            }

            await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<List<VersionEvent>> PollAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT e.kind, e.id, v.version, v.hash, v.seq FROM versions v JOIN entities e ON e.entity_pk = v.entity_pk
            WHERE v.seq > $after ORDER BY v.seq LIMIT 512;
            """;
        command.Parameters.AddWithValue("$after", _after);
        var events = new List<VersionEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            _after = reader.GetInt64(4);
            if (kind is null || reader.GetString(0) == kind)
            {
                events.Add(new VersionEvent(
                    VersionRef.ForVersion(EntityKey.Create(reader.GetString(0), reader.GetString(1)), reader.GetInt32(2)),
                    Verso.Storage.Relational.Hashes.HashColumns.Read(reader, 3)));
            }
        }

        return events;
    }
}
