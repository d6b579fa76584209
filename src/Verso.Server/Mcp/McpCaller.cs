using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Verso.Server.Security;

namespace Verso.Server.Mcp;

/// <summary>
/// Who calls an MCP tool. Over streamable HTTP it is the request's bearer token, checked by the same
/// middleware as the REST API; over stdio it is fixed for the process (<c>verso mcp --token</c>, or the
/// local operator), registered as this type.
/// </summary>
/// <param name="Caller">The caller every request of the process acts as.</param>
public sealed record McpCaller(Caller Caller)
{
    /// <summary>The caller of the request whose services are <paramref name="services"/>.</summary>
    internal static Caller Of(IServiceProvider? services)
    {
        // A fixed caller wins: stdio has no HTTP request, and an in-process host may set one on purpose.
        if (services?.GetService<McpCaller>() is { } fixedCaller)
        {
            return fixedCaller.Caller;
        }

        return services?.GetService<IHttpContextAccessor>()?.HttpContext is { } http
            ? Caller.Of(http)
            : throw new InvalidOperationException("an MCP request has neither an HTTP request nor a fixed McpCaller");
    }
}
