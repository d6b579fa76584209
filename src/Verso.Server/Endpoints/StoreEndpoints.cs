using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Verso.Contracts.Store;
using Verso.Storage.History;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>Whole-store reads: the kinds with their counts, the manifest.</summary>
internal static class StoreEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/kinds", KindsAsync).WithName("listKinds").WithTags("store").Reads<KindList>("Kinds with their entity counts").RequireRole(ApiRole.Reader);
        api.MapGet("/manifest", ManifestAsync).WithName("manifest").WithTags("store").Reads<ManifestResult>("Every entity's version in force and the Merkle root").RequireRole(ApiRole.Reader, everyKind: "the manifest");
    }

    private static async Task<JsonHttpResult<KindList>> KindsAsync(HttpContext http, VersioningService service, IVersionStore store, CancellationToken cancellationToken)
    {
        // The caller's kinds only: a kind-limited token sees its own kinds.
        var caller = Caller.Of(http);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var registered in service.Kinds.Registered)
        {
            counts[registered.Name] = 0;
        }

        await foreach (var head in store.ListAllHeadsAsync(cancellationToken))
        {
            counts[head.Key.Kind] = counts.GetValueOrDefault(head.Key.Kind) + 1;
        }

        var registeredNames = service.Kinds.Registered.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        var kinds = counts
            .Where(c => !Model.Kinds.ReservedKinds.IsReserved(c.Key) && caller.MayTouch(c.Key))
            .Select(c => new KindInfo
            {
                Kind = c.Key,
                Registered = registeredNames.Contains(c.Key),
                SchemaVersion = service.Kinds.Resolve(c.Key).SchemaVersion,
                Entities = c.Value,
            });
        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(new KindList { Kinds = [.. kinds] });
    }

    private static async Task<JsonHttpResult<ManifestResult>> ManifestAsync(HttpContext http, IVersionStore store, string? at, CancellationToken cancellationToken)
    {
        DateTimeOffset? moment = null;
        if (at is not null)
        {
            moment = Timestamp.TryParseUtc(at, out var parsed)
                ? parsed
                : throw new ApiProblemException(ApiProblem.BadRequest($"at '{at}' is not ISO 8601 UTC, e.g. 2026-11-01T12:00:00Z", "invalid-parameter").With("parameter", "at"));
        }

        var manifest = await ManifestBuilder.BuildAsync(store, moment, cancellationToken);
        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(WireStore.Manifest(manifest));
    }
}
