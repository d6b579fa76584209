using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verso.Server.Endpoints;
using Verso.Server.Http;
using Verso.Server.Security;

namespace Verso.Server.Page;

/// <summary>
/// The page at <c>/</c>, its hashed files under <c>/assets</c>, and <c>GET /api/v1/caller</c>, which tells
/// any client (the page among them) what the presented token may do, so it offers only those actions.
/// </summary>
internal static class PageEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var assets = PageAssets.Load(typeof(PageEndpoints).Assembly);
        endpoints.MapGet("/", (HttpContext http) => WriteIndexAsync(http, assets)).ExcludeFromDescription();
        endpoints.MapGet(PagePaths.Assets + "/{**file}", (HttpContext http, string file) => WriteAssetAsync(http, assets, file)).ExcludeFromDescription();
        endpoints.MapGet(Endpoints.ApiPaths.Root + "/caller", CallerAsync).WithName("caller").WithTags("store")
            .WithSummary("Who the token is: its name, role and kinds").Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Problems(StatusCodes.Status401Unauthorized, StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task WriteIndexAsync(HttpContext http, PageAssets assets)
    {
        var headers = http.Response.Headers;
        headers.ContentType = "text/html; charset=utf-8";
        // The page names its files by hash; the page itself must be asked for again each time.
        headers.CacheControl = "no-cache";
        headers.ContentSecurityPolicy = assets.ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        await http.Response.WriteAsync(assets.Index, http.RequestAborted);
    }

    private static async Task WriteAssetAsync(HttpContext http, PageAssets assets, string file)
    {
        if (!assets.ByHashedName.TryGetValue(file, out var asset))
        {
            throw new ApiProblemException(ApiProblem.NotFound($"the page has no file {file}"));
        }

        var headers = http.Response.Headers;
        headers.ContentType = asset.ContentType;
        headers.CacheControl = Immutable;
        headers.XContentTypeOptions = "nosniff";
        headers.ContentLength = asset.Bytes.Length;
        await http.Response.Body.WriteAsync(asset.Bytes, http.RequestAborted);
    }

    private static JsonBody CallerAsync(HttpContext http)
    {
        var caller = Caller.Of(http);
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("name", caller.Name);
            writer.WriteString("role", Caller.Describe(caller.Role));
            writer.WriteStartArray("kinds");
            foreach (var kind in caller.Kinds.IsDefault ? [] : caller.Kinds)
            {
                writer.WriteStringValue(kind);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("act_as", caller.ActAs);
            writer.WriteEndObject();
        });
    }
}
