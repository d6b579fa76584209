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
        api.MapGet("/entities/{kind}/{id}/versions", ListAsync).WithName("listVersions").WithTags("history").Reads<OpenApi.VersionPage>("History, newest first, cursor-paged");
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
        string kind, string id, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var key = ReadableKey(http, kind, id);
        var size = Paging.Size(limit, options.Value);
        var head = await service.Store.CountVersionsAsync(key, cancellationToken);
        if (head == 0)
        {
            throw Errors.NotFoundException.ForEntity(key);
        }

        // The cursor is "versions below N": versions are gapless, so the page starts at a known offset.
        var below = head + 1;
        if (cursor is not null)
        {
            var text = Cursor.Decode('v', cursor);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out below) || below < 1)
            {
                throw new ApiProblemException(ApiProblem.BadRequest($"invalid cursor '{cursor}'", "invalid-cursor"));
            }
        }

        var page = new List<Snapshot>(size);
        var newest = Math.Min(below - 1, head);
        if (newest >= 1)
        {
            await foreach (var snapshot in service.Store.GetHistoryAsync(key, head - newest, size, cancellationToken))
            {
                page.Add(snapshot);
            }
        }

        var next = page.Count > 0 && page[^1].Version > 1 ? Cursor.Encode('v', page[^1].Version.ToString(CultureInfo.InvariantCulture)) : null;
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("ref", key.ToString());
            writer.WriteNumber("head", head);
            writer.WriteStartArray("items");
            foreach (var snapshot in page)
            {
                SnapshotJson.WriteMetadataObject(writer, snapshot);
            }

            writer.WriteEndArray();
            writer.WriteString("next_cursor", next);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(HttpContext http, Versioning.VersioningService service, string kind, string id, string @ref, CancellationToken cancellationToken)
    {
        var key = ReadableKey(http, kind, id);
        var reference = ParseSelector(key, @ref);
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
