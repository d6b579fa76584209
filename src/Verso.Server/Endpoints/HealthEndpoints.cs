using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (the store is reachable and its schema current).</summary>
internal static class HealthEndpoints
{
    private static readonly EntityKey Probe = EntityKey.Create("verso-probe", "readyz");

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("status", "ok");
            writer.WriteEndObject();
        })).WithName("healthz").WithTags("health").Produces<OpenApi.HealthStatus>(StatusCodes.Status200OK).WithSummary("The process answers");

        // A one-row read fails with StoreUnavailableException (503) when the store is missing, unreachable or of another schema;
        // a store whose writes fail for a lasting cause (a full disk, a read-only file) says so until a write succeeds.
        app.MapGet("/readyz", async (VersioningService service, CancellationToken cancellationToken) =>
        {
            if (service.Store is Storage.IWriteReadiness { WriteFault: { } fault })
            {
                // The write's own problem (store-full, store-read-only), as 503: a probe says "not ready", whatever the cause.
                throw new ApiProblemException(ProblemWriter.ForException(fault) with { Status = StatusCodes.Status503ServiceUnavailable });
            }

            await service.Store.CountVersionsAsync(Probe, cancellationToken);
            return new JsonBody(writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("status", "ready");
                writer.WriteEndObject();
            });
        }).WithName("readyz").WithTags("health").Produces<OpenApi.HealthStatus>(StatusCodes.Status200OK).Problems(StatusCodes.Status503ServiceUnavailable).WithSummary("The store is reachable, its schema current and its writes not failing");
    }
}
