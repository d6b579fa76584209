using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Verso.Json;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>
/// The change feed: <c>GET /changes</c> as Server-Sent Events (one event per new version, id = the store's
/// sequence, resuming after <c>Last-Event-ID</c>), or as JSON pages for clients that poll.
/// </summary>
internal static class ChangeEndpoints
{
    private const int StreamBatch = 256;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/changes", ChangesAsync).WithName("changes").WithTags("changes").Reads<OpenApi.ChangePage>("New versions after a sequence (JSON), or as Server-Sent Events with Accept: text/event-stream").Produces<string>(StatusCodes.Status200OK, "text/event-stream");

    private static async Task<IResult> ChangesAsync(
        HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, IHostApplicationLifetime lifetime,
        long? after, int? limit, string? kind, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Reader, kind);
        if (kind is not null)
        {
            EntityKey.ValidateKind(kind);
            ReservedKindGuard.ThrowIfReserved(kind);
        }
        else if (!caller.Kinds.IsDefaultOrEmpty)
        {
            throw new ApiProblemException(ApiProblem.Forbidden($"token '{caller.Name}' is limited to kinds {string.Join(", ", caller.Kinds)}: name one with kind=")
                .With("token", caller.Name).With("kinds", caller.Kinds.ToList()));
        }

        if (service.Store is not IChangeLog log)
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status503ServiceUnavailable, "store-unavailable", "Store unavailable", "this store keeps no change sequence"));
        }

        var start = after ?? LastEventId(http.Request) ?? 0;
        if (start < 0)
        {
            throw new ApiProblemException(ApiProblem.BadRequest($"after must be 0 or more, not {start}", "invalid-parameter").With("parameter", "after"));
        }

        if (WantsStream(http.Request))
        {
            // A stream ends when the server stops, so a graceful shutdown does not wait on it.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
            await StreamAsync(http, service.Store, log, start, kind, options.Value.HeartbeatInterval, stopping.Token);
            return Results.Empty;
        }

        var size = Paging.Size(limit, options.Value);
        var entries = await log.ReadChangesAsync(start, size, kind, cancellationToken);
        var last = entries.Count > 0 ? entries[^1].Sequence : start;
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var entry in entries.Where(e => !Kinds.ReservedKinds.IsReserved(e.Ref.Key.Kind)))
            {
                ChangeEntryJson.Write(writer, entry);
            }

            writer.WriteEndArray();
            writer.WriteNumber("last_seq", last);
            writer.WriteEndObject();
        });
    }

    private static bool WantsStream(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);

    private static long? LastEventId(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static async Task StreamAsync(HttpContext http, IVersionStore store, IChangeLog log, long after, string? kind, TimeSpan heartbeat, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        // Subscribed before the first read: a version landing between the read and the wait still wakes us.
        await using var feed = await store.SubscribeAsync(kind, cancellationToken);
        using var wake = new SemaphoreSlim(0);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var listener = ListenAsync(feed, wake, stop.Token);
        await response.WriteAsync(": verso change feed\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        try
        {
            var cursor = after;
            while (!cancellationToken.IsCancellationRequested)
            {
                var entries = await log.ReadChangesAsync(cursor, StreamBatch, kind, cancellationToken);
                foreach (var entry in entries)
                {
                    cursor = entry.Sequence;
                    if (!Kinds.ReservedKinds.IsReserved(entry.Ref.Key.Kind))
                    {
                        await WriteEventAsync(response, entry, cancellationToken);
                    }
                }

                if (entries.Count == StreamBatch)
                {
                    continue;
                }

                await response.Body.FlushAsync(cancellationToken);
                if (!await wake.WaitAsync(heartbeat, cancellationToken))
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client disconnected or the server is stopping: the stream simply ends.
        }
        finally
        {
            await stop.CancelAsync();
            await listener;
        }
    }

    // Each notification only wakes the reader; the log, read by sequence, is what the client gets.
    private static async Task ListenAsync(IChangeFeed feed, SemaphoreSlim wake, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in feed.ReadAsync(cancellationToken))
            {
                if (wake.CurrentCount == 0)
                {
                    wake.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the stream.
        }
        catch (Errors.StoreUnavailableException)
        {
            // The heartbeat still polls the log; the stream goes on without pushes.
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, ChangeEntry entry, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, JsonBody.WriterOptions))
        {
            ChangeEntryJson.Write(writer, entry);
        }

        var id = entry.Sequence.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsync($"id: {id}\nevent: version\ndata: ", cancellationToken);
        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await response.WriteAsync("\n\n", cancellationToken);
    }
}
