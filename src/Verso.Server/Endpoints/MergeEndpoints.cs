using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Documents.Canonical;
using Verso.Documents.Merge;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary><c>POST …/merge</c>: three-way merge of two edits from one base, saved as a version when asked and clean.</summary>
internal static class MergeEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/entities/{kind}/{id}/merge", MergeAsync).WithName("merge").WithTags("history").Writes<Contracts.Compare.MergeRequest, Contracts.Compare.MergeResult>("Three-way merge; saved when asked and clean")
            .RequireRole(ApiRole.Reader);

    private static async Task<JsonHttpResult<Contracts.Compare.MergeResult>> MergeAsync(
        HttpContext http, VersioningService service, IVersionStore store, IOptions<VersoServerOptions> options, string kind, string id, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        var save = JsonRequests.OptionalBool(root, "save") ?? false;
        if (save)
        {
            // Reading two versions needs a reader; saving their merge, a writer: the body says which.
            KindAccess.DemandRole(http, ApiRole.Writer, kind);
        }

        var baseVersion = await service.GetAsync(VersionRef.ForVersion(key, JsonRequests.RequiredInt(root, "base", 1)), cancellationToken);
        var ourVersion = await service.GetAsync(VersionRef.ForVersion(key, JsonRequests.RequiredInt(root, "ours", 1)), cancellationToken);
        var (theirs, theirName) = await TheirsAsync(service, key, root, cancellationToken);
        var result = JsonMerge.Merge(Parse(baseVersion), Parse(ourVersion), theirs, service.Kinds.Resolve(kind).DiffRules, ComparisonBudgets.For(http, options, cancellationToken));
        if (!result.IsClean)
        {
            throw new ApiProblemException(new ApiProblem(StatusCodes.Status409Conflict, "merge-conflict", "Merge conflict", $"{key} does not merge cleanly: {result.Conflicts.Length} conflict(s); nothing saved")
                .With("kind", key.Kind).With("id", key.Id).With("conflicts", JsonSerializer.SerializeToElement(WireMerge.Of(result.Conflicts), Contracts.VersoJson.TypeInfo<List<Contracts.Compare.MergeConflict>>())));
        }

        var merged = CanonicalJson.Canonicalize(JsonLimits.ToUtf8(result.Merged));
        AppendResult? saved = null;
        if (save)
        {
            var parents = $"merge of {key}@{ourVersion.Version} (ours) and {theirName} (theirs) from base @{baseVersion.Version}";
            var message = JsonRequests.OptionalString(root, "message") is { Length: > 0 } why ? $"{parents}: {why}" : parents;
            var expected = await Preconditions.ExpectedVersionAsync(http.Request, store, key, JsonRequests.OptionalInt(root, "expected_version", 0), cancellationToken);
            var by = Caller.Of(http).SavedBy(JsonRequests.OptionalString(root, "saved_by"));
            saved = await service.SaveAsync(key, merged, new SaveOptions(by) { Operation = VersionOperation.Merge, Message = message, ExpectedVersion = expected }, cancellationToken);
        }

        var created = saved?.Outcome == AppendOutcome.Created;
        JsonBody.ApplyHeaders(
            http.Response,
            saved is null ? null : ETags.Of(saved.Head),
            created ? $"{http.Request.PathBase}{ApiPaths.Version(key, saved!.Head.Version)}" : null,
            immutable: false);
        var answer = WireMerge.Clean(merged, saved);
        return created ? WireResults.Created(answer) : WireResults.Ok(answer);
    }

    // "theirs": a version number; or "content": their edit as a record, canonicalized and validated like a save.
    private static async Task<(JsonNode? Content, string Name)> TheirsAsync(VersioningService service, EntityKey key, JsonElement root, CancellationToken cancellationToken)
    {
        if (root.TryGetProperty("content", out var content) && content.ValueKind != JsonValueKind.Null)
        {
            var document = service.Canonicalize(key.Kind, JsonLimits.ToUtf8(content));
            return (JsonLimits.ParseNode(document.Utf8.Span), $"content {document.Hash}");
        }

        var theirs = await service.GetAsync(VersionRef.ForVersion(key, JsonRequests.OptionalInt(root, "theirs", 1)
            ?? throw JsonRequests.Invalid("theirs", "give 'theirs' (a version number) or 'content' (their edit)")), cancellationToken);
        return (Parse(theirs), $"@{theirs.Version}");
    }

    private static JsonNode? Parse(Snapshot snapshot) => JsonLimits.ParseNode(snapshot.Content.Span);
}
