using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Verso.Contracts.Changes;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Streams;
using Verso.Server.Wire;
using Verso.Storage;

namespace Verso.Server.Endpoints;

/// <summary>
/// The change feed: <c>GET /changes</c> as Server-Sent Events (one event per new version, id = the store's
/// sequence, resuming after <c>Last-Event-ID</c>), or as JSON pages for clients that poll.
/// </summary>
internal static class ChangeEndpoints
{
    // A closed stream frees its place at once; a client that was refused may try again this much later.
    private const string RetryAfterSeconds = "5";

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/changes", ChangesAsync).WithName("changes").WithTags("changes").Reads<ChangePage>("New versions after a sequence (JSON), or as Server-Sent Events with Accept: text/event-stream").Produces<string>(StatusCodes.Status200OK, "text/event-stream")
            .Problems(StatusCodes.Status429TooManyRequests).RequireRole(ApiRole.Reader, kindInQuery: true);

    private static async Task<Results<JsonHttpResult<ChangePage>, EmptyHttpResult>> ChangesAsync(
        HttpContext http, IVersionStore store, IOptions<VersoServerOptions> options, IHostApplicationLifetime lifetime, ChangeHub hub,
        long? after, int? limit, string? kind, CancellationToken cancellationToken)
    {
        // The access filter has checked the role and ?kind=; the caller is needed for its stream and its kinds.
        var caller = Caller.Of(http);
        if (kind is null && !caller.Kinds.IsDefaultOrEmpty)
        {
            throw new ApiProblemException(ApiProblem.Forbidden($"token '{caller.Name}' is limited to kinds {string.Join(", ", caller.Kinds)}: name one with kind=")
                .With("token", caller.Name).With("kinds", caller.Kinds.ToList()));
        }

        if (store is not IChangeLog log)
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
            await StreamAsync(http, hub, log, caller, start, kind, options.Value, lifetime.ApplicationStopping, cancellationToken);
            return TypedResults.Empty;
        }

        var size = Paging.Size(limit, options.Value);
        var entries = await log.ReadChangesAsync(start, size, kind, cancellationToken);
        var last = entries.Count > 0 ? entries[^1].Sequence : start;
        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(new ChangePage
        {
            Items = [.. entries.Where(e => !Model.Kinds.ReservedKinds.IsReserved(e.Ref.Key.Kind)).Select(WireChanges.Of)],
            LastSeq = last,
        });
    }

    private static async Task StreamAsync(
        HttpContext http, ChangeHub hub, IChangeLog log, Caller caller, long after, string? kind, VersoServerOptions options, CancellationToken stopping, CancellationToken cancellationToken)
    {
        await hub.StartAsync(cancellationToken);
        var stream = hub.Streams.TryOpen(caller, caller.IsLocal ? null : BearerToken(http.Request), kind);
        if (stream is null)
        {
            // Written here rather than thrown: the problem middleware clears headers, and Retry-After must stay.
            http.Response.Headers.RetryAfter = RetryAfterSeconds;
            await ProblemWriter.WriteAsync(http, new ApiProblem(StatusCodes.Status429TooManyRequests, "too-many-streams", "Too many streams",
                    $"token '{caller.Name}' already holds {hub.Streams.MaxPerToken} open change streams, the most one token may; close one, or raise Verso:Server:MaxStreamsPerToken")
                .With("token", caller.Name).With("limit", hub.Streams.MaxPerToken));
            return;
        }

        try
        {
            var response = http.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            // A stream ends when the client leaves, when its token no longer holds, and when the server stops
            // (so a graceful shutdown does not wait on it).
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stream.Ended, stopping);
            await ChangeStreamWriter.WriteAsync(response, hub, log, stream, after, options.HeartbeatInterval, ending.Token);
        }
        catch (OperationCanceledException) when (stream.Ended.IsCancellationRequested || stopping.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            // The stream simply ends.
        }
        finally
        {
            hub.Streams.Close(stream);
        }
    }

    // The token the authentication middleware accepted, kept so the stream can check it again later.
    private static string BearerToken(HttpRequest request) => request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();

    private static bool WantsStream(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true);

    private static long? LastEventId(HttpRequest request) =>
        long.TryParse(request.Headers["Last-Event-ID"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
