using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Verso.Contracts.Versions;
using Verso.Server.Caching;
using Verso.Server.Http;
using Verso.Server.Wire;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Server.Endpoints;

// The responses every version read and every append share: ETag, 304, Location, cache rules. The headers are set
// on the response before the result is returned: the typed results write status and body, and keep them.
internal static class VersionResults
{
    public static Results<RenderedBody, JsonHttpResult<VersionWithContent>, StatusCodeHttpResult> Snapshot(HttpContext http, Snapshot snapshot, bool immutable)
    {
        JsonBody.ApplyHeaders(http.Response, ETags.Of(snapshot), null, immutable);
        if (ETags.NoneMatchHits(http.Request, snapshot))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return WireResults.Ok(WireVersions.WithContent(snapshot));
    }

    // A version kept rendered (see RenderedVersions): the same answer, without reading or writing it again.
    public static Results<RenderedBody, JsonHttpResult<VersionWithContent>, StatusCodeHttpResult> Rendered(HttpContext http, RenderedVersion rendered, bool immutable)
    {
        if (ETags.NoneMatchHits(http.Request, rendered.ETag))
        {
            JsonBody.ApplyHeaders(http.Response, rendered.ETag, null, immutable);
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return new RenderedBody(rendered, immutable);
    }

    public static JsonHttpResult<AppendOutcomeInfo> Appended(HttpContext http, AppendResult result, int? revertOf = null)
    {
        var head = result.Head;
        var created = result.Outcome == AppendOutcome.Created;
        JsonBody.ApplyHeaders(http.Response, ETags.Of(head), created ? $"{http.Request.PathBase}{ApiPaths.Version(head.Key, head.Version)}" : null, immutable: false);
        var outcome = WireVersions.Outcome(result, revertOf);
        return created ? WireResults.Created(outcome) : WireResults.Ok(outcome);
    }
}
