using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Contracts;
using Verso.Server.Wire;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>
/// Admin migrations: an import that keeps each version's number, author and time, and the erasure of all
/// of an entity's content (what a platform's "delete every version of an entity" maps to).
/// </summary>
internal static class ImportEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/import", ImportAsync).WithName("importVersions").WithTags("admin")
            .Writes<Contracts.Import.ImportRequest, Contracts.Import.ImportResult>("Append versions keeping their numbers, saved_by and saved_at when they continue each entity gaplessly (operation import); versions already there with the same content are skipped; admin", creates: false)
            .RequireRole(ApiRole.Admin);
        api.MapPost("/entities/{kind}/{id}/erase-all", EraseAllAsync).WithName("eraseEntity").WithTags("admin")
            .Writes<Contracts.Import.EraseAllRequest, Contracts.Import.EntityErasureResult>("Erase the content of every version of an entity; numbers and hashes stay, the head becomes an empty tombstone; admin", creates: false)
            .RequireRole(ApiRole.Admin);
    }

    private static async Task<JsonHttpResult<Contracts.Import.ImportResult>> ImportAsync(HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, CancellationToken cancellationToken)
    {
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        if (!body.RootElement.TryGetProperty("versions", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw JsonRequests.Invalid("versions", "'versions' is required: an array of {kind, id, version, content, saved_by, saved_at}");
        }

        var versions = new List<ImportedVersion>(items.GetArrayLength());
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            versions.Add(Read(http, service, item, $"versions[{index++}]"));
        }

        var results = await service.ImportAsync(versions, cancellationToken);
        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(new Contracts.Import.ImportResult
        {
            Created = results.Count(r => r.Outcome == AppendOutcome.Created),
            Unchanged = results.Count(r => r.Outcome == AppendOutcome.Unchanged),
            Items = [.. results.Select(r => WireVersions.Outcome(r))],
        });
    }

    private static ImportedVersion Read(HttpContext http, VersioningService service, JsonElement item, string path)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw JsonRequests.Invalid(path, $"{path} must be an object");
        }

        var kind = JsonRequests.OptionalString(item, "kind") ?? throw JsonRequests.Invalid($"{path}.kind", $"{path}.kind is required");
        var id = JsonRequests.OptionalString(item, "id") ?? throw JsonRequests.Invalid($"{path}.id", $"{path}.id is required");
        var key = EntityKey.Create(kind, id);
        KindAccess.Demand(http, ApiRole.Admin, kind);
        var version = JsonRequests.RequiredInt(item, "version", minimum: 1);
        var savedBy = JsonRequests.OptionalString(item, "saved_by");
        if (string.IsNullOrWhiteSpace(savedBy))
        {
            throw JsonRequests.Invalid($"{path}.saved_by", $"{path}.saved_by is required: who saved the version in its source");
        }

        var savedAtText = JsonRequests.OptionalString(item, "saved_at") ?? throw JsonRequests.Invalid($"{path}.saved_at", $"{path}.saved_at is required");
        if (!Timestamp.TryParseUtc(savedAtText, out var savedAt))
        {
            throw JsonRequests.Invalid($"{path}.saved_at", $"{path}.saved_at must be an ISO 8601 UTC time (ending in Z or +00:00), not '{savedAtText}'");
        }

        if (!item.TryGetProperty("content", out var content) || content.ValueKind != JsonValueKind.Object)
        {
            throw JsonRequests.Invalid($"{path}.content", $"{path}.content is required: the record, a JSON object");
        }

        var canonical = service.Canonicalize(kind, Encoding.UTF8.GetBytes(content.GetRawText()));
        return new ImportedVersion(key, version, canonical, savedBy, savedAt, JsonRequests.OptionalString(item, "message"));
    }

    private static async Task<JsonHttpResult<Contracts.Import.EntityErasureResult>> EraseAllAsync(
        HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string kind, string id, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        var reason = JsonRequests.OptionalString(root, "reason");
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw JsonRequests.Invalid("reason", "'reason' is required: it is shown wherever the erased content is read");
        }

        var by = Caller.Of(http).SavedBy(JsonRequests.OptionalString(root, "saved_by"));
        var result = await service.EraseAllAsync(key, by, reason, cancellationToken);
        return WireResults.Ok(WireAdmin.OfEntity(result));
    }
}
