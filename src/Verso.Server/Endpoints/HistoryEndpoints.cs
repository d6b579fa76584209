using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Json;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Snapshots;

namespace Verso.Server.Endpoints;

/// <summary>An entity's history: paged versions, one version by ref, rollback.</summary>
internal static class HistoryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/versions", ListAsync).WithName("listVersions").WithTags("history").Reads<OpenApi.VersionPage>("History, newest first, paged by cursor or offset; include=content adds each content, hash=sha256:… keeps the versions holding it");
        api.MapGet("/entities/{kind}/{id}/versions/{ref}", GetAsync).WithName("getVersion").WithTags("history").Reads<OpenApi.VersionWithContent>("One version by number, tag, sha256: prefix or {time}", notModified: true);
        api.MapPost("/entities/{kind}/{id}/rollback", RollbackAsync).WithName("rollback").WithTags("history").Writes<OpenApi.RollbackRequest, OpenApi.AppendOutcomeInfo>("Append a version with an earlier version's content");
    }

    /// <summary>The key of a request, after the caller's right to read it is checked.</summary>
    internal static EntityKey ReadableKey(HttpContext http, string kind, string id, ApiRole role = ApiRole.Reader)
    {
        var key = EntityKey.Create(kind, id);
        Caller.Of(http).Demand(role, kind);
        ReservedKindGuard.ThrowIfReserved(kind);
        return key;
    }

    /// <summary>Parses the selector after <c>kind/id@</c>: a number, a tag, <c>sha256:HEX</c> or <c>{TIME}</c> (a leading @ is allowed).</summary>
    internal static VersionRef ParseSelector(EntityKey key, string selector)
    {
        var text = selector.StartsWith('@') ? selector[1..] : selector;
        return text.Length == 0 ? VersionRef.Latest(key) : VersionRef.Parse($"{key}@{text}");
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, Versioning.VersioningService service, IOptions<VersoServerOptions> options,
        string kind, string id, int? limit, string? cursor, int? offset, string? include, string? hash, CancellationToken cancellationToken)
    {
        var key = ReadableKey(http, kind, id);
        var size = Paging.Size(limit, options.Value);
        var withContent = HistoryQuery.IncludesContent(include);
        var head = await service.Store.CountVersionsAsync(key, cancellationToken);
        if (head == 0)
        {
            throw Errors.NotFoundException.ForEntity(key);
        }

        // Versions are gapless, so both a cursor ("versions below N") and an offset name a known start: an index read.
        var below = HistoryQuery.Below(head, cursor, offset);
        var page = hash is null
            ? await HistoryQuery.PageAsync(service.Store, key, head, below, size, cancellationToken)
            : await HistoryQuery.WithHashAsync(service.Store, key, HistoryQuery.FullHash(hash), below, size, cancellationToken);
        var next = page.Count == size && page[^1].Version > 1 ? Cursor.Encode('v', page[^1].Version.ToString(CultureInfo.InvariantCulture)) : null;
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("ref", key.ToString());
            writer.WriteNumber("head", head);
            writer.WriteStartArray("items");
            foreach (var snapshot in page)
            {
                if (withContent)
                {
                    SnapshotJson.WriteWithContent(writer, snapshot);
                }
                else
                {
                    SnapshotJson.WriteMetadataObject(writer, snapshot);
                }
            }

            writer.WriteEndArray();
            writer.WriteString("next_cursor", next);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(
        HttpContext http, Versioning.VersioningService service, Caching.StoreStamp stamps, Caching.RenderedVersions rendered, string kind, string id, string @ref, CancellationToken cancellationToken)
    {
        var key = ReadableKey(http, kind, id);
        var reference = ParseSelector(key, @ref);
        if (reference.Selector == VersionSelector.Number)
        {
            // Kept under the store's stamp, not forever: a prune or an erase changes what a number answers.
            var stamp = await stamps.OfAsync(http);
            var version = rendered.Find(key, reference.Version, stamp)
                ?? rendered.Render(await service.GetAsync(reference, cancellationToken), reference.Version, stamp);
            return VersionResults.Rendered(http, version, immutable: true);
        }

        var snapshot = await service.GetAsync(reference, cancellationToken);
        // A number or a full hash always names the same bytes; a tag, a time or a prefix may name another later.
        var immutable = reference.Selector == VersionSelector.Number
            || (reference.Selector == VersionSelector.Hash && reference.Hash.Hex.Length == Hashing.ContentHash.HexLength);
        return VersionResults.Snapshot(http, snapshot, immutable);
    }

    private static async Task<IResult> RollbackAsync(
        HttpContext http, Versioning.VersioningService service, IOptions<VersoServerOptions> options, string kind, string id, CancellationToken cancellationToken)
    {
        var key = ReadableKey(http, kind, id, ApiRole.Writer);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var to = JsonRequests.RequiredInt(body.RootElement, "to", minimum: 1);
        var reason = JsonRequests.OptionalString(body.RootElement, "reason");
        var expectedVersion = JsonRequests.OptionalInt(body.RootElement, "expected_version", minimum: 0);
        var by = Caller.Of(http).SavedBy(JsonRequests.OptionalString(body.RootElement, "saved_by"));
        var expected = await Preconditions.ExpectedVersionAsync(http.Request, service, key, expectedVersion, cancellationToken);
        var result = await service.RollbackAsync(key, to, new Versioning.SaveOptions(by) { Message = reason, ExpectedVersion = expected }, cancellationToken);
        return VersionResults.Appended(http, result, to);
    }
}
