using Microsoft.AspNetCore.Http;
using Verso.Storage;

namespace Verso.Server.Streams;

/// <summary>
/// Writes one change stream as Server-Sent Events: first what the log holds after the client's sequence
/// (read from the log only while the hub's memory does not reach back that far), then each new entry as the
/// hub publishes it. Every event passes the stream's checks (<see cref="ChangeStream.Allows"/>) as it is sent.
/// </summary>
internal static class ChangeStreamWriter
{
    private const int Batch = 256;

    public static async Task WriteAsync(HttpResponse response, ChangeHub hub, IChangeLog log, ChangeStream stream, long after, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        await response.WriteAsync(": verso change feed\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        var cursor = after;
        // One timer per heartbeat interval, not one per wake: a stream woken by every event creates none.
        Task? heartbeatDue = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var view = hub.Since(cursor, Batch);
            if (view.Behind)
            {
                // Read with a pooled connection held for this one query, not while waiting.
                var entries = await log.ReadChangesAsync(cursor, Batch, stream.Kind, cancellationToken);
                cursor = await WriteEntriesAsync(response, stream, [.. entries.Select(ChangeFrame.Of)], cursor, cancellationToken);
                if (entries.Count < Batch)
                {
                    // Everything of the kind up to the hub's cursor (taken before the read) has now been read.
                    cursor = Math.Max(cursor, view.Cursor);
                }

                continue;
            }

            cursor = await WriteEntriesAsync(response, stream, view.Entries, cursor, cancellationToken);
            if (view.Entries.Count == Batch)
            {
                continue;
            }

            await response.Body.FlushAsync(cancellationToken);
            heartbeatDue ??= Task.Delay(heartbeat, hub.Time, cancellationToken);
            if (await Task.WhenAny(view.Changed, heartbeatDue) == heartbeatDue)
            {
                cancellationToken.ThrowIfCancellationRequested();
                heartbeatDue = null;
                await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
            }
        }
    }

    private static async Task<long> WriteEntriesAsync(HttpResponse response, ChangeStream stream, IReadOnlyList<ChangeFrame> frames, long cursor, CancellationToken cancellationToken)
    {
        foreach (var frame in frames)
        {
            cancellationToken.ThrowIfCancellationRequested();
            cursor = frame.Entry.Sequence;
            if (stream.Allows(frame.Entry))
            {
                await response.Body.WriteAsync(frame.Event, cancellationToken);
            }
        }

        return cursor;
    }
}
