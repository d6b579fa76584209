using Microsoft.AspNetCore.Server.Kestrel.Core;
using Verso.Server.Hosting;

namespace Microsoft.AspNetCore.Hosting;

/// <summary>Kestrel endpoints that answer their own refusals as the API does.</summary>
public static class VersoListenOptionsExtensions
{
    /// <summary>
    /// Makes the requests Kestrel refuses itself, before any middleware (a NUL in the path, a request line
    /// over 8 KB, headers over 32 KB, a bad Host), answered as <c>application/problem+json</c> with the
    /// status Kestrel chose, instead of an empty body. Use on every endpoint:
    /// <c>kestrel.ConfigureEndpointDefaults(listen => listen.UseVersoRejectionProblems())</c>.
    /// </summary>
    public static ListenOptions UseVersoRejectionProblems(this ListenOptions listen)
    {
        ArgumentNullException.ThrowIfNull(listen);
        listen.Use(next => connection =>
        {
            connection.Transport = new RejectionProblemPipe(connection.Transport);
            return next(connection);
        });
        return listen;
    }
}
