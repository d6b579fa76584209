using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Contracts.Versions;
using Verso.Naming;
using Verso.Server.Caching;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>An entity's history: paged versions, one version by ref, rollback.</summary>
internal static class HistoryEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/versions", ListAsync).WithName("listVersions").WithTags("history").Reads<VersionPage>("History, newest first, paged by cursor or offset; include=content adds each content, hash=sha256:… keeps the versions holding it").RequireRole(ApiRole.Reader);
        api.MapGet("/entities/{kind}/{id}/versions/{ref}", GetAsync).WithName("getVersion").WithTags("history").Reads<VersionWithContent>("One version by number, tag, sha256: prefix or {time}", notModified: true).RequireRole(ApiRole.Reader);
        api.MapPost("/entities/{kind}/{id}/rollback", RollbackAsync).WithName("rollback").WithTags("history").Writes<RollbackRequest, AppendOutcomeInfo>("Append a version with an earlier version's content").RequireRole(ApiRole.Writer);
    }

    /// <summary>Parses the selector after <c>kind/id@</c>: a number, a tag, <c>sha256:HEX</c> or <c>{TIME}</c> (a leading @ is allowed).</summary>
    internal static VersionRef ParseSelector(EntityKey key, string selector)
    {
        var text = selector.StartsWith('@') ? selector[1..] : selector;
        return text.Length == 0 ? VersionRef.Latest(key) : VersionRef.Parse($"{key}@{text}");
    }

    private static async Task<JsonHttpResult<VersionPage>> ListAsync(
        HttpContext http, IVersionStore store, IOptions<VersoServerOptions> options,
        string kind, string id, int? limit, string? cursor, int? offset, string? include, string? hash, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        var size = Paging.Size(limit, options.Value);
        var withContent = HistoryQuery.IncludesContent(include);
        var head = await store.CountVersionsAsync(key, cancellationToken);
        if (head == 0)
        {
            throw Errors.NotFoundException.ForEntity(key);
        }

        // Versions are gapless, so both a cursor ("versions below N") and an offset name a known start: an index read.
        var below = HistoryQuery.Below(head, cursor, offset);
        var page = hash is null
            ? await HistoryQuery.PageAsync(store, key, head, below, size, cancellationToken)
            : await HistoryQuery.WithHashAsync(store, key, HistoryQuery.FullHash(hash), below, size, cancellationToken);
        var next = page.Count == size && page[^1].Version > 1 ? Cursor.Encode('v', page[^1].Version.ToString(CultureInfo.InvariantCulture)) : null;
        JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
        return WireResults.Ok(new VersionPage
        {
            Ref = key.ToString(),
            Head = head,
            Items = [.. page.Select(s => WireVersions.PageItem(s, withContent))],
            NextCursor = next,
        });
    }

    private static async Task<Results<RenderedBody, JsonHttpResult<VersionWithContent>, StatusCodeHttpResult>> GetAsync(
        HttpContext http, VersioningService service, StoreStamp stamps, RenderedVersions rendered, string kind, string id, string @ref, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
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
        var immutable = reference.Selector == VersionSelector.Hash && reference.Hash.Hex.Length == Documents.Hashing.ContentHash.HexLength;
        return VersionResults.Snapshot(http, snapshot, immutable);
    }

    private static async Task<JsonHttpResult<AppendOutcomeInfo>> RollbackAsync(
        HttpContext http, VersioningService service, IVersionStore store, IOptions<VersoServerOptions> options, string kind, string id, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var to = JsonRequests.RequiredInt(body.RootElement, "to", minimum: 1);
        var reason = JsonRequests.OptionalString(body.RootElement, "reason");
        var expectedVersion = JsonRequests.OptionalInt(body.RootElement, "expected_version", minimum: 0);
        // The caller's name only: the access filter has checked its role and kinds.
        var by = Caller.Of(http).SavedBy(JsonRequests.OptionalString(body.RootElement, "saved_by"));
        var expected = await Preconditions.ExpectedVersionAsync(http.Request, store, key, expectedVersion, cancellationToken);
        var result = await service.RollbackAsync(key, to, new SaveOptions(by) { Message = reason, ExpectedVersion = expected }, cancellationToken);
        return VersionResults.Appended(http, result, to);
    }
}
