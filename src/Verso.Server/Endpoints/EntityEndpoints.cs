using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Json;
using Verso.Naming;
using Verso.Server.Caching;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>Entities and their heads: list a kind, read a head, save (PUT) a record.</summary>
internal static class EntityEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}", ListAsync).WithName("listEntities").WithTags("entities").Reads<OpenApi.EntityPage>("Entities of a kind with their heads, by id, cursor-paged");
        api.MapGet("/entities/{kind}/{id}", GetHeadAsync).WithName("getHead").WithTags("entities").Reads<OpenApi.VersionWithContent>("The head: the newest version, with content", notModified: true);
        api.MapPut("/entities/{kind}/{id}", SaveAsync).WithName("saveEntity").WithTags("entities").Writes<System.Text.Json.Nodes.JsonObject, OpenApi.AppendOutcomeInfo>("Save the record as a new version when it changed");
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string kind,
        int? limit, string? cursor, CancellationToken cancellationToken)
    {
        EntityKey.ValidateKind(kind);
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Reader, kind);
        ReservedKindGuard.ThrowIfReserved(kind);
        var size = Paging.Size(limit, options.Value);
        var after = cursor is null ? null : Cursor.Decode('e', cursor);
        var page = new List<(EntityHead Head, Snapshot? Latest, IReadOnlyList<EntityTag> Tags)>(size);
        string? next = null;
        await foreach (var head in service.Store.ListEntitiesAsync(kind, cancellationToken))
        {
            if (after is not null && string.CompareOrdinal(head.Key.Id, after) <= 0)
            {
                continue;
            }

            if (page.Count == size)
            {
                next = Cursor.Encode('e', page[^1].Head.Key.Id);
                break;
            }

            var latest = await service.Store.GetLatestAsync(head.Key, cancellationToken);
            var tags = await service.Store.ListTagsAsync(head.Key, cancellationToken);
            page.Add((head, latest, tags));
        }

        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var (head, latest, tags) in page)
            {
                writer.WriteStartObject();
                writer.WriteString("ref", VersionRef.ForVersion(head.Key, head.Version).ToString());
                writer.WriteString("kind", head.Key.Kind);
                writer.WriteString("id", head.Key.Id);
                writer.WriteNumber("version", head.Version);
                writer.WriteString("hash", head.Hash.ToString());
                writer.WriteString("saved_by", latest?.SavedBy);
                writer.WriteString("saved_at", Timestamp.Format(latest?.SavedAt ?? head.SavedAt));
                writer.WritePropertyName("tags");
                TagJson.WriteTags(writer, tags);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteString("next_cursor", next);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetHeadAsync(
        HttpContext http, VersioningService service, StoreStamp stamps, RenderedVersions rendered, string kind, string id, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        Caller.Of(http).Demand(ApiRole.Reader, kind);
        ReservedKindGuard.ThrowIfReserved(kind);
        // The stamp first: a head read after it is at least as new, so keeping it under that stamp is safe.
        var stamp = await stamps.OfAsync(http);
        var head = rendered.Find(key, 0, stamp)
            ?? rendered.Render(await service.GetAsync(VersionRef.Latest(key), cancellationToken), 0, stamp);
        return VersionResults.Rendered(http, head, immutable: false);
    }

    private static async Task<IResult> SaveAsync(
        HttpContext http,
        VersioningService service,
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
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Writer, kind);
        ReservedKindGuard.ThrowIfReserved(kind);
        QueryText.EnsureUtf8(http.Request, "saved_by");
        var by = caller.SavedBy(savedBy);
        var expected = await Preconditions.ExpectedVersionAsync(http.Request, service, key, expectedVersion, cancellationToken);
        var body = await RequestBody.ReadJsonAsync(http.Request, options.Value.MaxRequestBodyBytes, cancellationToken);
        // Canonicalized (and validated) before the store is touched: bad input never half-writes.
        var content = service.Canonicalize(kind, body);
        // A kind neither registered nor held yet is created only on purpose (new_kind=true): agnet is a typo, not a kind.
        await Kinds.KindNames.EnsureKnownAsync(service, kind, newKind ?? false, cancellationToken);
        var result = await service.SaveAsync(key, content, new SaveOptions(by) { Message = message, Force = force ?? false, ExpectedVersion = expected }, cancellationToken);
        return VersionResults.Appended(http, result);
    }
}
