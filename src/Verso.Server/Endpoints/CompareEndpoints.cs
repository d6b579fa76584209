using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Documents.Blame;
using Verso.Documents.Canonical;
using Verso.Contracts.Compare;
using Verso.Documents.Diff;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Model.Snapshots;
using Verso.Versioning.Tools;
using Verso.Versioning;
using IVersionStore = Verso.Storage.IVersionStore;

namespace Verso.Server.Endpoints;

/// <summary>Comparing versions: diff, blame, referrers and replay compatibility.</summary>
internal static class CompareEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/diff", DiffAsync).WithName("diff").WithTags("compare").Reads<DiffResult>("What changed between two versions").Produces<List<PatchOperation>>(StatusCodes.Status200OK, "application/json-patch+json").Produces<string>(StatusCodes.Status200OK, "text/plain").Compares().RequireRole(ApiRole.Reader);
        api.MapGet("/entities/{kind}/{id}/blame", BlameAsync).WithName("blame").WithTags("compare").Reads<BlameResult>("The version that last changed each value and line").Compares().RequireRole(ApiRole.Reader);
        api.MapGet("/entities/{kind}/{id}/referrers", ReferrersAsync).WithName("referrers").WithTags("compare").Reads<Referrers>("The versions that pin a version").RequireRole(ApiRole.Reader);
        // The kinds compared come from the query, not the route: the handler checks them (KindAccess).
        api.MapGet("/compat", CompatAsync).WithName("compat").WithTags("compare").Reads<CompatVerdict>("Whether a task run under a can be replayed under b").Compares().RequireRole(ApiRole.Reader);
    }

    private static async Task<Results<JsonHttpResult<DiffResult>, FileContentHttpResult, ContentHttpResult>> DiffAsync(
        HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string kind, string id, string? from, string? to, string? format,
        CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        var style = format ?? "json";
        if (style is not ("json" or "patch" or "text"))
        {
            throw new ApiProblemException(ApiProblem.BadRequest($"format must be json, patch or text, not '{style}'", "invalid-parameter").With("parameter", "format"));
        }

        if (from is null)
        {
            throw new ApiProblemException(ApiProblem.BadRequest("from is required: the older version, e.g. 1", "invalid-parameter").With("parameter", "from"));
        }

        var older = await service.GetAsync(HistoryEndpoints.ParseSelector(key, from), cancellationToken);
        var newer = await service.GetAsync(to is null ? VersionRef.Latest(key) : HistoryEndpoints.ParseSelector(key, to), cancellationToken);
        var entityKind = service.Kinds.Resolve(kind);
        var (before, after) = (Parse(older), Parse(newer));
        var budget = ComparisonBudgets.For(http, options, cancellationToken);
        switch (style)
        {
            case "patch":
                // RFC 6902 bytes come from Core's patch layer: a patch is a standard document, not a Verso contract.
                var patch = Documents.Patch.JsonPatch.Create(JsonPatchBuilder.Create(before, after, entityKind.DiffRules, budget));
                return TypedResults.Bytes(patch.ToUtf8Bytes(), "application/json-patch+json");
            case "text":
                var lines = entityKind.DiffRenderer.Render(before, after, JsonDiff.Compute(before, after, entityKind.DiffRules, budget));
                var text = new StringBuilder().Append(older.Ref).Append(" → ").Append(newer.Ref).Append('\n');
                foreach (var line in lines)
                {
                    text.Append(line.Text).Append('\n');
                }

                return TypedResults.Text(text.ToString(), "text/plain; charset=utf-8");
            default:
                return WireResults.Ok(WireCompare.Diff(older, newer, JsonDiff.Compute(before, after, entityKind.DiffRules, budget)));
        }
    }

    private static async Task<JsonHttpResult<BlameResult>> BlameAsync(
        HttpContext http, VersioningService service, IVersionStore store, IOptions<VersoServerOptions> options, string kind, string id, string? @ref, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        var target = await service.GetAsync(@ref is null ? VersionRef.Latest(key) : HistoryEndpoints.ParseSelector(key, @ref), cancellationToken);
        target.ThrowIfContentRemoved();
        var head = await store.CountVersionsAsync(key, cancellationToken);
        var history = new List<Snapshot>(target.Version);
        await foreach (var snapshot in service.GetHistoryAsync(key, head - target.Version, target.Version, cancellationToken))
        {
            history.Add(snapshot);
        }

        history.Reverse();
        var blame = JsonBlame.Compute(history, service.Kinds.Resolve(kind).DiffRules, ComparisonBudgets.For(http, options, cancellationToken));
        return WireResults.Ok(WireBlame.Of(target, blame));
    }

    private static async Task<JsonHttpResult<Referrers>> ReferrersAsync(
        HttpContext http, VersioningService service, IVersionStore store, string kind, string id, string? version, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        var target = await service.GetAsync(version is null ? VersionRef.Latest(key) : HistoryEndpoints.ParseSelector(key, version), cancellationToken);
        var referrers = await store.FindReferrersAsync(key, target.Version, cancellationToken);
        // A kind-limited token learns nothing about entities outside its kinds.
        var visible = referrers.Where(r => KindAccess.MaySee(http, r.Key.Kind));
        return WireResults.Ok(WireCompare.Referrers(target, visible));
    }

    private static async Task<JsonHttpResult<CompatVerdict>> CompatAsync(
        HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string? a, string? b, CancellationToken cancellationToken)
    {
        if (a is null || b is null)
        {
            throw new ApiProblemException(ApiProblem.BadRequest("a and b are required: two refs, e.g. a=agent/alice@1&b=agent/alice@4", "invalid-parameter")
                .With("parameter", a is null ? "a" : "b"));
        }

        var (left, right) = (VersionRef.Parse(a), VersionRef.Parse(b));
        foreach (var reference in new[] { left, right })
        {
            KindAccess.Demand(http, ApiRole.Reader, reference.Key.Kind);
        }

        var older = await service.GetAsync(left, cancellationToken);
        var newer = await service.GetAsync(right, cancellationToken);
        var read = ToolCompatibility.Reading(service);
        // A referenced tool is read with the caller's rights, so a kind-limited token learns nothing beyond its kinds.
        var verdict = await ToolCompatibility.CompareAsync(service.Kinds.Resolve(older.Key.Kind), Parse(older), Parse(newer), (reference, token) =>
        {
            KindAccess.DemandRole(http, ApiRole.Reader, reference.Key.Kind);
            return read(reference, token);
        }, ComparisonBudgets.For(http, options, cancellationToken), cancellationToken);
        return WireResults.Ok(WireCompare.Of(verdict));
    }

    private static JsonNode? Parse(Snapshot snapshot) => JsonLimits.ParseNode(snapshot.Content.Span);
}
