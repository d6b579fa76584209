using System.Globalization;
using Microsoft.OpenApi;

namespace Verso.Server.OpenApi;

/// <summary>
/// The response headers each operation sends, described on the responses that carry them exactly as the
/// endpoints set them (see <c>JsonBody</c>, <c>VersionResults</c>, <c>ProblemWriter</c>): generation cannot
/// see headers written by hand, and OpenApiDocumentTests and the fuzzer fail on a served header missing here.
/// </summary>
internal static class ResponseHeaders
{
    private const string ETag = "ETag";
    private const string Location = "Location";

    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        [ETag] = "The version's strong entity tag, \"<version>-<hex of its content hash>\": send it back in If-None-Match or If-Match",
        [Location] = "Where the new resource is read",
        ["X-Accel-Buffering"] = "no, on the event stream: tells a proxy in front not to buffer it",
        ["WWW-Authenticate"] = "Bearer",
        ["Retry-After"] = "Seconds to wait before asking again",
    };

    // Operation names (WithName) → the statuses that send each of its own headers.
    private static readonly Dictionary<string, (string Header, int[] Statuses)[]> ByOperation = new(StringComparer.Ordinal)
    {
        ["getHead"] = [(ETag, [200, 304])],
        ["getVersion"] = [(ETag, [200, 304])],
        ["saveEntity"] = [(ETag, [200, 201]), (Location, [201])],
        ["rollback"] = [(ETag, [200, 201]), (Location, [201])],
        ["merge"] = [(ETag, [200, 201]), (Location, [201])],
        ["recordDecision"] = [(ETag, [200, 201]), (Location, [201])],
        ["proposeChangeRequest"] = [(Location, [201])],
        ["changes"] = [("X-Accel-Buffering", [200]), ("Retry-After", [429])],
    };

    /// <summary>Describes the headers of every response of <paramref name="operation"/>, named <paramref name="name"/>.</summary>
    public static void Describe(OpenApiOperation operation, string? name)
    {
        foreach (var (key, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse described || !int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var status))
            {
                continue;
            }

            // Every answer says how it may be cached: problems never, reads by number or hash for good.
            Add(described, "Cache-Control", status >= 400
                ? "no-store"
                : "no-cache; public, max-age=31536000, immutable on a read addressed by version number or hash");
            // Every answer, whoever wrote it (see SecurityHeadersMiddleware).
            Add(described, "X-Content-Type-Options", "nosniff: a browser never reads a body as another media type than it says");
            if (status == 401)
            {
                Add(described, "WWW-Authenticate", Descriptions["WWW-Authenticate"]);
            }

            foreach (var (header, statuses) in name is not null && ByOperation.TryGetValue(name, out var own) ? own : [])
            {
                if (statuses.Contains(status))
                {
                    Add(described, header, Descriptions[header]);
                }
            }
        }
    }

    private static void Add(OpenApiResponse response, string header, string description)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
        response.Headers[header] = new OpenApiHeader { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
    }
}
