using Microsoft.AspNetCore.Http;
using Verso.Server.Http;
using Verso.Server.Security;

namespace Microsoft.AspNetCore.Builder;

/// <summary>The middleware the API runs behind: problem details for every failure and bare status code.</summary>
public static class VersoServerApplicationBuilderExtensions
{
    /// <summary>Adds the security headers, the request log, the problem-details middleware and bearer-token authentication, in that order.</summary>
    public static IApplicationBuilder UseVersoServer(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<ProblemMiddleware>();
        // An empty error response (unknown route, wrong method, a status from the framework) still gets a problem body.
        app.UseStatusCodePages(context => context.HttpContext.Response.HasStarted
            ? Task.CompletedTask
            : ProblemWriter.WriteAsync(context.HttpContext, ApiProblem.ForStatus(context.HttpContext.Response.StatusCode)));
        app.UseMiddleware<TokenAuthenticationMiddleware>();
        return app;
    }
}
