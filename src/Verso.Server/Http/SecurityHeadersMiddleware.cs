using Microsoft.AspNetCore.Http;

namespace Verso.Server.Http;

/// <summary>
/// Headers every response carries, whichever endpoint, error path or status page wrote it:
/// <c>X-Content-Type-Options: nosniff</c>, so no browser reads a <c>text/plain</c> diff of record content
/// (or any other body) as HTML or script. The API reference at <c>/docs</c> gets a policy of its own:
/// it may run only its own script and the configuration it inlines, fetch only this server, and no page
/// may frame it.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>The policy of <c>/docs</c>: Scalar's page inlines its configuration and styles, nothing leaves the server.</summary>
    public const string DocsContentSecurityPolicy =
        "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; worker-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var http = (HttpContext)state;
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (http.Request.Path.StartsWithSegments("/docs", StringComparison.OrdinalIgnoreCase))
            {
                headers.ContentSecurityPolicy = DocsContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
            }

            return Task.CompletedTask;
        }, context);
        return next(context);
    }
}
