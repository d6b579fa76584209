using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Governance.Checks;
using Verso.Contracts.Checks;
using Verso.Contracts.Policies;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.OpenApi;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>Checks recorded on a version and the policies in force for an entity: what <c>verso check</c> and <c>verso policies</c> do.</summary>
internal static class CheckEndpoints
{
    private const string VersionPath = "/entities/{kind}/{id}/versions/{version}";

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost(VersionPath + "/checks", RecordAsync).WithName("recordCheck").WithTags("checks").Writes<CheckRequest, RecordedCheck>("Record a check result on a version", ok: false).RequireRole(ApiRole.Writer);
        api.MapGet(VersionPath + "/checks", ListAsync).WithName("listChecks").WithTags("checks").Reads<CheckList>("Every check result recorded on a version, oldest first").RequireRole(ApiRole.Reader);
        api.MapGet("/entities/{kind}/{id}/policies", PoliciesAsync).WithName("listPolicies").WithTags("checks").Reads<PolicyList>("The policies in force for an entity").RequireRole(ApiRole.Reader);
    }

    private static async Task<JsonHttpResult<RecordedCheck>> RecordAsync(
        HttpContext http, CheckService checks, IOptions<VersoServerOptions> options, string kind, string id, [Range(1, int.MaxValue)] int version, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        ThrowIfNotAVersion(version);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        var name = JsonRequests.OptionalString(root, "name") ?? throw JsonRequests.Invalid("name", "'name' is required");
        var result = JsonRequests.OptionalString(root, "result") switch
        {
            "pass" => true,
            "fail" => false,
            var other => throw JsonRequests.Invalid("result", $"'result' must be pass or fail, not '{other}'"),
        };
        var by = caller.SavedBy(JsonRequests.OptionalString(root, "saved_by"));
        var recorded = await checks.RecordAsync(
            VersionRef.ForVersion(EntityKey.Create(kind, id), version), name, result, by,
            JsonRequests.OptionalString(root, "url"), JsonRequests.OptionalString(root, "message"), cancellationToken);
        return WireResults.Created(WireChecks.Of(recorded));
    }

    private static async Task<JsonHttpResult<CheckList>> ListAsync(HttpContext http, VersioningService service, CheckService checks, string kind, string id, [Range(1, int.MaxValue)] int version, CancellationToken cancellationToken)
    {
        ThrowIfNotAVersion(version);
        var key = EntityKey.Create(kind, id);
        // A version that does not exist is 404, not an empty list.
        _ = await service.GetAsync(VersionRef.ForVersion(key, version), cancellationToken);
        var results = await checks.ListAsync(key, version, cancellationToken);
        return WireResults.Ok(new CheckList { Items = [.. results.Select(WireChecks.Of)] });
    }

    private static async Task<JsonHttpResult<PolicyList>> PoliciesAsync(HttpContext http, VersioningService service, string kind, string id, CancellationToken cancellationToken)
    {
        var policies = await service.Policies.ForEntityAsync(EntityKey.Create(kind, id), cancellationToken);
        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(WirePolicies.List(policies));
    }

    // Versions count from 1; a 0 or a negative number names none, and is the caller's mistake.
    private static void ThrowIfNotAVersion(int version)
    {
        if (version < 1)
        {
            throw new ApiProblemException(ApiProblem.BadRequest($"version must be 1 or more, not {version}", "invalid-parameter").With("parameter", "version"));
        }
    }
}
