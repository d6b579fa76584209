using Microsoft.AspNetCore.Http;
using Verso.Json;
using Verso.Server.Caching;
using Verso.Server.Http;
using Verso.Snapshots;
using Verso.Storage;

namespace Verso.Server.Endpoints;

// The responses every version read and every append share: ETag, 304, Location, cache rules.
internal static class VersionResults
{
    public static IResult Snapshot(HttpContext http, Snapshot snapshot, bool immutable)
    {
        var etag = ETags.Of(snapshot);
        if (ETags.NoneMatchHits(http.Request, snapshot))
        {
            JsonBody.ApplyHeaders(http.Response, etag, null, immutable);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return new JsonBody(writer => SnapshotJson.WriteWithContent(writer, snapshot)) { ETag = etag, Immutable = immutable };
    }

    // A version kept rendered (see RenderedVersions): the same answer, without reading or writing it again.
    public static IResult Rendered(HttpContext http, RenderedVersion rendered, bool immutable)
    {
        if (ETags.NoneMatchHits(http.Request, rendered.ETag))
        {
            JsonBody.ApplyHeaders(http.Response, rendered.ETag, null, immutable);
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        return new RenderedBody(rendered, immutable);
    }

    public static IResult Appended(HttpContext http, AppendResult result, int? revertOf = null)
    {
        var head = result.Head;
        var created = result.Outcome == AppendOutcome.Created;
        return new JsonBody(writer => AppendJson.Write(writer, result, revertOf), created ? StatusCodes.Status201Created : StatusCodes.Status200OK)
        {
            ETag = ETags.Of(head),
            Location = created ? $"{http.Request.PathBase}{ApiPaths.Version(head.Key, head.Version)}" : null,
        };
    }
}
