using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Verso.Server.Checkpoints;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Versioning.Signatures;

namespace Verso.Server.Endpoints;

/// <summary>
/// <c>GET /checkpoints/latest</c>: the newest checkpoint <c>verso serve --checkpoint-every</c> wrote — a DSSE envelope when
/// it signs them, else the checkpoint text — so a job elsewhere can fetch and keep it without access to the machine.
/// </summary>
internal static class CheckpointEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/checkpoints/latest", LatestAsync).WithName("getLatestCheckpoint").WithTags("admin")
            .WithSummary("The newest scheduled checkpoint: a DSSE envelope when signed, else the checkpoint text; needs a token of every kind")
            .Produces<Contracts.Signatures.DsseEnvelopeDocument>(StatusCodes.Status200OK, DsseEnvelope.MediaType)
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .Problems(401, 403, 404, 503)
            // A checkpoint names every entity of every kind: a kind-scoped token may not read it.
            .RequireRole(ApiRole.Reader, everyKind: "checkpoints");
    }

    // The file is served as written (the envelope is the signer's bytes): not re-serialized through a contract.
    private static async Task<ContentHttpResult> LatestAsync(CheckpointWriter checkpoints, CancellationToken cancellationToken)
    {
        if (checkpoints.LatestPath is not { } path)
        {
            throw new ApiProblemException(ApiProblem.NotFound("no checkpoint has been written: start the server with --checkpoint-every and --checkpoint-dir"));
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return path.EndsWith(".json", StringComparison.Ordinal)
            ? TypedResults.Text(text, DsseEnvelope.MediaType)
            : TypedResults.Text(text, "text/plain; charset=utf-8");
    }
}
