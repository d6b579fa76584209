using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Verso.Server.Http;

namespace Verso.Server.Security;

/// <summary>
/// Sets each API (and MCP) request's <see cref="Caller"/> from its bearer token, or refuses it with 401. Without any
/// token in the store every caller is <see cref="Caller.Local"/> (the server then listens on loopback only).
/// Failures are logged with the token's name when it has one, never with the token.
/// </summary>
internal sealed partial class TokenAuthenticationMiddleware(RequestDelegate next, TokenStore tokens, Caching.StoreStamp stamps, ILogger<TokenAuthenticationMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Path.StartsWithSegments(Endpoints.ApiPaths.Root, StringComparison.Ordinal)
            && !context.Request.Path.StartsWithSegments(Mcp.McpPaths.Root, StringComparison.Ordinal))
        {
            // Probes, the OpenAPI document and the page carry no data of the store.
            await next(context);
            return;
        }

        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            if (await tokens.AnyAsync(await stamps.OfAsync(context), context.RequestAborted))
            {
                throw new ApiProblemException(ApiProblem.Unauthorized("a bearer token is required: send 'Authorization: Bearer <token>'"));
            }

            Caller.Set(context, Caller.Local);
            await next(context);
            return;
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            LogFailure(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?", "not a bearer token");
            throw new ApiProblemException(ApiProblem.Unauthorized("the Authorization header must be 'Bearer <token>'"));
        }

        var (caller, failure) = await tokens.AuthenticateAsync(header["Bearer ".Length..].Trim(), await stamps.OfAsync(context), context.RequestAborted);
        if (caller is null)
        {
            LogFailure(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?", failure);
            throw new ApiProblemException(ApiProblem.Unauthorized("the bearer token is not valid"));
        }

        Caller.Set(context, caller);
        await next(context);
    }

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "authentication failed from {Remote}: {Reason}")]
    private static partial void LogFailure(ILogger logger, string remote, string reason);
}
