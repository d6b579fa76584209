using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Contracts.Tags;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using IVersionStore = Verso.Storage.IVersionStore;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>Tags: where each points, moving one, and every move of one.</summary>
internal static class TagEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/tags", ListAsync).WithName("listTags").WithTags("tags").Reads<Dictionary<string, int>>("Tags and the versions they point at").RequireRole(ApiRole.Reader);
        api.MapPut("/entities/{kind}/{id}/tags/{name}", MoveAsync).WithName("moveTag").WithTags("tags").Writes<TagRequest, TagMoveResult>("Point a tag at a version", creates: false).RequireRole(ApiRole.Writer);
        api.MapGet("/entities/{kind}/{id}/tags/{name}/history", HistoryAsync).WithName("tagHistory").WithTags("tags").Reads<List<TagMove>>("Every move of one tag, oldest first").RequireRole(ApiRole.Reader);
    }

    private static async Task<JsonHttpResult<Dictionary<string, int>>> ListAsync(IVersionStore store, string kind, string id, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        await EnsureExistsAsync(store, key, cancellationToken);
        var tags = await store.ListTagsAsync(key, cancellationToken);
        return WireResults.Ok(WireTags.Of(tags));
    }

    private static async Task<JsonHttpResult<List<TagMove>>> HistoryAsync(IVersionStore store, string kind, string id, string name, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        TagNames.Validate(name);
        await EnsureExistsAsync(store, key, cancellationToken);
        var moves = (await store.GetTagHistoryAsync(key, cancellationToken)).Where(m => m.Name == name).Select(WireTags.Of).ToList();
        if (moves.Count == 0)
        {
            throw new Errors.NotFoundException($"{key}@{name}", $"not found: {key} has no tag '{name}'");
        }

        return WireResults.Ok(moves);
    }

    private static async Task<JsonHttpResult<TagMoveResult>> MoveAsync(
        HttpContext http, VersioningService service, IVersionStore store, IOptions<VersoServerOptions> options, string kind, string id, string name, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        TagNames.Validate(name);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var target = Target(key, body.RootElement);
        var reason = JsonRequests.OptionalString(body.RootElement, "reason");
        var by = Caller.Of(http).SavedBy(JsonRequests.OptionalString(body.RootElement, "saved_by"));
        var move = await service.TagAsync(target, name, by, reason, cancellationToken);
        var version = move?.ToVersion ?? (await store.GetTagAsync(key, name, cancellationToken))!.Value;
        return WireResults.Ok(new TagMoveResult
        {
            Status = move is null ? "unchanged" : "moved",
            Tag = name,
            Ref = VersionRef.ForVersion(key, version).ToString(),
            Version = version,
            Move = move is null ? null : WireTags.Of(move),
        });
    }

    // "version": a number, or any selector a version read takes ("production", "sha256:…", "{TIME}").
    private static VersionRef Target(EntityKey key, JsonElement body)
    {
        if (!body.TryGetProperty("version", out var version))
        {
            throw JsonRequests.Invalid("version", "'version' is required");
        }

        return version.ValueKind switch
        {
            JsonValueKind.Number when version.TryGetInt32(out var number) && number >= 1 => VersionRef.ForVersion(key, number),
            JsonValueKind.String => HistoryEndpoints.ParseSelector(key, version.GetString()!),
            _ => throw JsonRequests.Invalid("version", "'version' must be a version number from 1 or a selector such as \"production\""),
        };
    }

    private static async Task EnsureExistsAsync(IVersionStore store, EntityKey key, CancellationToken cancellationToken)
    {
        if (await store.CountVersionsAsync(key, cancellationToken) == 0)
        {
            throw Errors.NotFoundException.ForEntity(key);
        }
    }

    internal static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
