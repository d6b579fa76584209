using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Verso.Contracts.Store;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Wire;
using Verso.Storage;

namespace Verso.Server.Endpoints;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the store is reachable and its schema current).</summary>
/// <remarks>Outside <c>/api/v1</c>: probes answer anyone, so they declare no role.</remarks>
internal static class HealthEndpoints
{
    private static readonly EntityKey Probe = EntityKey.Create("verso-probe", "readyz");

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (HttpContext http) => Answer(http, "ok"))
            .WithName("healthz").WithTags("health").Produces<HealthStatus>(StatusCodes.Status200OK).WithSummary("The process answers");

        // A one-row read fails with StoreUnavailableException (503) when the store is missing, unreachable or of another schema;
        // a store whose writes fail for a lasting cause (a full disk, a read-only file) says so until a write succeeds.
        app.MapGet("/readyz", async (HttpContext http, IVersionStore store, CancellationToken cancellationToken) =>
        {
            if (store is IWriteReadiness { WriteFault: { } fault })
            {
                // The write's own problem (store-full, store-read-only), as 503: a probe says "not ready", whatever the cause.
                throw new ApiProblemException(ProblemWriter.ForException(fault) with { Status = StatusCodes.Status503ServiceUnavailable });
            }

            await store.CountVersionsAsync(Probe, cancellationToken);
            return Answer(http, "ready");
        }).WithName("readyz").WithTags("health").Produces<HealthStatus>(StatusCodes.Status200OK).Problems(StatusCodes.Status503ServiceUnavailable).WithSummary("The store is reachable, its schema current and its writes not failing");
    }

    private static JsonHttpResult<HealthStatus> Answer(HttpContext http, string status)
    {
        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(new HealthStatus { Status = status });
    }
}
