using Verso.Canonical;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Blame;
using Verso.Diff;
using Verso.Json;
using Verso.Naming;
using Verso.Replay;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Snapshots;
using Verso.Tools;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>Comparing versions: diff, blame, referrers and replay compatibility.</summary>
internal static class CompareEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/diff", DiffAsync).WithName("diff").WithTags("compare").Reads<OpenApi.DiffResult>("What changed between two versions").Produces<List<OpenApi.PatchOperation>>(StatusCodes.Status200OK, "application/json-patch+json").Produces<string>(StatusCodes.Status200OK, "text/plain").Compares();
        api.MapGet("/entities/{kind}/{id}/blame", BlameAsync).WithName("blame").WithTags("compare").Reads<OpenApi.BlameResult>("The version that last changed each value and line").Compares();
        api.MapGet("/entities/{kind}/{id}/referrers", ReferrersAsync).WithName("referrers").WithTags("compare").Reads<OpenApi.Referrers>("The versions that pin a version");
        api.MapGet("/compat", CompatAsync).WithName("compat").WithTags("compare").Reads<OpenApi.CompatVerdict>("Whether a task run under a can be replayed under b").Compares();
    }

    private static async Task<IResult> DiffAsync(
        HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string kind, string id, string? from, string? to, string? format,
        CancellationToken cancellationToken)
    {
        var key = HistoryEndpoints.ReadableKey(http, kind, id);
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
                var patch = Patch.JsonPatch.Create(JsonPatchBuilder.Create(before, after, entityKind.DiffRules, budget));
                return Results.Bytes(patch.ToUtf8Bytes(), "application/json-patch+json");
            case "text":
                var lines = entityKind.DiffRenderer.Render(before, after, JsonDiff.Compute(before, after, entityKind.DiffRules, budget));
                var text = new StringBuilder().Append(older.Ref).Append(" → ").Append(newer.Ref).Append('\n');
                foreach (var line in lines)
                {
                    text.Append(line.Text).Append('\n');
                }

                return Results.Text(text.ToString(), "text/plain; charset=utf-8");
            default:
                var changes = JsonDiff.Compute(before, after, entityKind.DiffRules, budget);
                return new JsonBody(writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("from", older.Ref.ToString());
                    writer.WriteString("to", newer.Ref.ToString());
                    writer.WritePropertyName("changes");
                    ChangeJson.WriteChanges(writer, changes);
                    writer.WriteEndObject();
                });
        }
    }

    private static async Task<IResult> BlameAsync(
        HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string kind, string id, string? @ref, CancellationToken cancellationToken)
    {
        var key = HistoryEndpoints.ReadableKey(http, kind, id);
        var target = await service.GetAsync(@ref is null ? VersionRef.Latest(key) : HistoryEndpoints.ParseSelector(key, @ref), cancellationToken);
        target.ThrowIfContentRemoved();
        var head = await service.Store.CountVersionsAsync(key, cancellationToken);
        var history = new List<Snapshot>(target.Version);
        await foreach (var snapshot in service.GetHistoryAsync(key, head - target.Version, target.Version, cancellationToken))
        {
            history.Add(snapshot);
        }

        history.Reverse();
        var blame = JsonBlame.Compute(history, service.Kinds.Resolve(kind).DiffRules, ComparisonBudgets.For(http, options, cancellationToken));
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("ref", target.Ref.ToString());
            writer.WriteString("hash", target.Hash.ToString());
            writer.WritePropertyName("entries");
            BlameJson.Write(writer, blame);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> ReferrersAsync(HttpContext http, VersioningService service, string kind, string id, string? version, CancellationToken cancellationToken)
    {
        var key = HistoryEndpoints.ReadableKey(http, kind, id);
        var target = await service.GetAsync(version is null ? VersionRef.Latest(key) : HistoryEndpoints.ParseSelector(key, version), cancellationToken);
        var referrers = await service.Store.FindReferrersAsync(key, target.Version, cancellationToken);
        var caller = Caller.Of(http);
        // A kind-limited token learns nothing about entities outside its kinds.
        var visible = referrers.Where(r => caller.MayTouch(r.Key.Kind) && !ReservedKindGuard.IsReserved(r.Key.Kind)).ToList();
        return new JsonBody(writer => ReplayJson.WriteReferrers(writer, target, visible));
    }

    private static async Task<IResult> CompatAsync(
        HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string? a, string? b, CancellationToken cancellationToken)
    {
        if (a is null || b is null)
        {
            throw new ApiProblemException(ApiProblem.BadRequest("a and b are required: two refs, e.g. a=agent/alice@1&b=agent/alice@4", "invalid-parameter")
                .With("parameter", a is null ? "a" : "b"));
        }

        var (left, right) = (VersionRef.Parse(a), VersionRef.Parse(b));
        var caller = Caller.Of(http);
        foreach (var reference in new[] { left, right })
        {
            caller.Demand(ApiRole.Reader, reference.Key.Kind);
            ReservedKindGuard.ThrowIfReserved(reference.Key.Kind);
        }

        var older = await service.GetAsync(left, cancellationToken);
        var newer = await service.GetAsync(right, cancellationToken);
        var read = ToolCompatibility.Reading(service);
        // A referenced tool is read with the caller's rights, so a kind-limited token learns nothing beyond its kinds.
        var verdict = await ToolCompatibility.CompareAsync(service.Kinds.Resolve(older.Key.Kind), Parse(older), Parse(newer), (reference, token) =>
        {
            caller.Demand(ApiRole.Reader, reference.Key.Kind);
            return read(reference, token);
        }, ComparisonBudgets.For(http, options, cancellationToken), cancellationToken);
        return new JsonBody(writer => ReplayJson.WriteVerdict(writer, verdict));
    }

    private static JsonNode? Parse(Snapshot snapshot) => JsonLimits.ParseNode(snapshot.Content.Span);
}
