using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Contracts.Versions;
using Verso.Naming;
using Verso.Server.Caching;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>Entities and their heads: list a kind, read a head, save (PUT) a record.</summary>
internal static class EntityEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}", ListAsync).WithName("listEntities").WithTags("entities").Reads<EntityPage>("Entities of a kind with their heads, by id, cursor-paged").RequireRole(ApiRole.Reader);
        api.MapGet("/entities/{kind}/{id}", GetHeadAsync).WithName("getHead").WithTags("entities").Reads<VersionWithContent>("The head: the newest version, with content", notModified: true).RequireRole(ApiRole.Reader);
        api.MapPut("/entities/{kind}/{id}", SaveAsync).WithName("saveEntity").WithTags("entities").Writes<System.Text.Json.Nodes.JsonObject, AppendOutcomeInfo>("Save the record as a new version when it changed").RequireRole(ApiRole.Writer);
    }

    private static async Task<JsonHttpResult<EntityPage>> ListAsync(
        HttpContext http, IVersionStore store, IOptions<VersoServerOptions> options, string kind, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var size = Paging.Size(limit, options.Value);
        var after = cursor is null ? null : Cursor.Decode('e', cursor);
        var page = new List<EntityItem>(size);
        string? next = null;
        await foreach (var head in store.ListEntitiesAsync(kind, cancellationToken))
        {
            if (after is not null && string.CompareOrdinal(head.Key.Id, after) <= 0)
            {
                continue;
            }

            if (page.Count == size)
            {
                next = Cursor.Encode('e', page[^1].Id);
                break;
            }

            var latest = await store.GetLatestAsync(head.Key, cancellationToken);
            var tags = await store.ListTagsAsync(head.Key, cancellationToken);
            page.Add(WireStore.Entity(head, latest, tags));
        }

        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(new EntityPage { Items = page, NextCursor = next });
    }

    private static async Task<Results<RenderedBody, JsonHttpResult<VersionWithContent>, StatusCodeHttpResult>> GetHeadAsync(
        HttpContext http, VersioningService service, StoreStamp stamps, RenderedVersions rendered, string kind, string id, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        // The stamp first: a head read after it is at least as new, so keeping it under that stamp is safe.
        var stamp = await stamps.OfAsync(http);
        var head = rendered.Find(key, 0, stamp)
            ?? rendered.Render(await service.GetAsync(VersionRef.Latest(key), cancellationToken), 0, stamp);
        return VersionResults.Rendered(http, head, immutable: false);
    }

    private static async Task<JsonHttpResult<AppendOutcomeInfo>> SaveAsync(
        HttpContext http,
        VersioningService service,
        IVersionStore store,
        IOptions<VersoServerOptions> options,
        string kind,
        string id,
        [FromQuery(Name = "expected_version")] int? expectedVersion,
        [FromQuery(Name = "saved_by")] string? savedBy,
        string? message,
        bool? force,
        [FromQuery(Name = "new_kind")] bool? newKind,
        CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        QueryText.EnsureUtf8(http.Request, "saved_by");
        // The caller's name only: the access filter has checked its role and kinds.
        var by = Caller.Of(http).SavedBy(savedBy);
        var expected = await Preconditions.ExpectedVersionAsync(http.Request, store, key, expectedVersion, cancellationToken);
        var body = await RequestBody.ReadJsonAsync(http.Request, options.Value.MaxRequestBodyBytes, cancellationToken);
        // Canonicalized (and validated) before the store is touched: bad input never half-writes.
        var content = service.Canonicalize(kind, body);
        // A kind neither registered nor held yet is created only on purpose (new_kind=true): agnet is a typo, not a kind.
        await Model.Kinds.KindNames.EnsureKnownAsync(service, kind, newKind ?? false, cancellationToken);
        var result = await service.SaveAsync(key, content, new SaveOptions(by) { Message = message, Force = force ?? false, ExpectedVersion = expected }, cancellationToken);
        return VersionResults.Appended(http, result);
    }
}
