using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Verso.Cli.Serving;

/// <summary>
/// What <c>verso serve</c> checks once Kestrel has started: the addresses it actually bound, whatever named
/// them (<c>--urls</c>, an <c>appsettings.json</c> in the working directory, <c>Kestrel__Endpoints__…</c>
/// variables). Until that check has passed, every request is answered 503 and nothing of the store is
/// served, so a token-less server bound to a network address never answers a network caller as the local admin.
/// </summary>
internal sealed class BindingGate
{
    private volatile bool _open;

    /// <summary>Lets requests through: the bound addresses were checked.</summary>
    public void Open() => _open = true;

    /// <summary>The middleware that holds requests back until <see cref="Open"/>.</summary>
    public RequestDelegate Guard(RequestDelegate next) => context =>
    {
        if (_open)
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return Task.CompletedTask;
    };

    /// <summary>The addresses the server listens on now.</summary>
    public static IReadOnlyList<string> Bound(IServer server) =>
        [.. server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []];
}
