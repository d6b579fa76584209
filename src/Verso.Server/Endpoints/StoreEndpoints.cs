using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verso.History;
using Verso.Json;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>Whole-store reads: the kinds with their counts, the manifest.</summary>
internal static class StoreEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/kinds", KindsAsync).WithName("listKinds").WithTags("store").Reads<OpenApi.KindList>("Kinds with their entity counts");
        api.MapGet("/manifest", ManifestAsync).WithName("manifest").WithTags("store").Reads<OpenApi.ManifestResult>("Every entity's version in force and the Merkle root");
    }

    private static async Task<IResult> KindsAsync(HttpContext http, VersioningService service, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Reader);
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var registered in service.Kinds.Registered)
        {
            counts[registered.Name] = 0;
        }

        await foreach (var head in service.Store.ListAllHeadsAsync(cancellationToken))
        {
            counts[head.Key.Kind] = counts.GetValueOrDefault(head.Key.Kind) + 1;
        }

        var registeredNames = service.Kinds.Registered.Select(k => k.Name).ToHashSet(StringComparer.Ordinal);
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("kinds");
            foreach (var (name, entities) in counts)
            {
                if (Kinds.ReservedKinds.IsReserved(name) || !caller.MayTouch(name))
                {
                    continue;
                }

                writer.WriteStartObject();
                writer.WriteString("kind", name);
                writer.WriteBoolean("registered", registeredNames.Contains(name));
                writer.WriteNumber("schema_version", service.Kinds.Resolve(name).SchemaVersion);
                writer.WriteNumber("entities", entities);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> ManifestAsync(HttpContext http, VersioningService service, string? at, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Reader);
        caller.DemandEveryKind("the manifest");
        DateTimeOffset? moment = null;
        if (at is not null)
        {
            moment = Timestamp.TryParseUtc(at, out var parsed)
                ? parsed
                : throw new ApiProblemException(ApiProblem.BadRequest($"at '{at}' is not ISO 8601 UTC, e.g. 2026-11-01T12:00:00Z", "invalid-parameter").With("parameter", "at"));
        }

        var manifest = await ManifestBuilder.BuildAsync(service.Store, moment, cancellationToken);
        return new JsonBody(writer => ManifestJson.Write(writer, manifest));
    }
}
