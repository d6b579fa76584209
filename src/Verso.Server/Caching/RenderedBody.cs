using Microsoft.AspNetCore.Http;
using Verso.Server.Http;

namespace Verso.Server.Caching;

// A rendered version written as it was kept: the same headers and bytes JsonBody would have written.
internal sealed class RenderedBody(RenderedVersion rendered, bool immutable) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = rendered.Body.Length;
        JsonBody.ApplyHeaders(response, rendered.ETag, null, immutable);
        await response.Body.WriteAsync(rendered.Body, httpContext.RequestAborted);
    }
}
