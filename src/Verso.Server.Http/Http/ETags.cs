using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Verso.Model.Snapshots;

namespace Verso.Server.Http;

/// <summary>
/// Strong entity tags of versions: <c>"N-HEX"</c>, the version number and the 64 hex digits of its content
/// hash. The number is part of it because a forced save or a rollback gives a new head the same content.
/// </summary>
public static class ETags
{
    /// <summary>The quoted ETag of a version.</summary>
    public static string Of(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return $"\"{snapshot.Version}-{snapshot.Hash.Hex}\"";
    }

    /// <summary>Whether <c>If-None-Match</c> names the version, so a 304 can answer.</summary>
    public static bool NoneMatchHits(HttpRequest request, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        return NoneMatchHits(request, Of(snapshot));
    }

    /// <summary>Whether <c>If-None-Match</c> names the quoted <paramref name="etag"/>, so a 304 can answer.</summary>
    public static bool NoneMatchHits(HttpRequest request, string etag)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        // If-None-Match compares weakly (RFC 9110 13.1.2), so W/"…" matches too.
        return EntityTagHeaderValue.TryParseList(header, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Equals(etag, StringComparison.Ordinal));
    }
}
