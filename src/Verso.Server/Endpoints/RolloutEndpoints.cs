using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Contracts.Rollouts;
using Verso.Naming;
using Verso.Versioning.Rollouts;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;

namespace Verso.Server.Endpoints;

/// <summary>
/// Resolve (the version a label serves a subject) and rollouts (start, set, advance, promote, abort, status, history,
/// the variants' report, mapped by the Agents face): what <c>verso resolve</c> and <c>verso rollout</c> do. Changing a rollout takes the writer
/// role on the entity's kind (declared with RequireRole), as a tag move does; the label's policy is applied by the rollout service.
/// </summary>
internal static class RolloutEndpoints
{
    private const string RolloutPath = "/entities/{kind}/{id}/rollouts/{label}";

    /// <summary>Resolve and a rollout's reads; the Agents face maps the decision report after them (<see cref="VersoApiSlot.AfterRolloutReads"/>).</summary>
    public static void MapReads(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/resolve", ResolveAsync).WithName("resolve").WithTags("rollouts")
            .Reads<Resolution>("The version a label serves a subject (through its rollout, if one is active), with the bucket and rollout version to pin").RequireRole(ApiRole.Reader);
        api.MapGet("/entities/{kind}/{id}/rollouts", ListAsync).WithName("listRollouts").WithTags("rollouts")
            .Reads<RolloutHistory>("The newest version of the rollout of each of an entity's labels").RequireRole(ApiRole.Reader);
        api.MapGet(RolloutPath, StatusAsync).WithName("getRollout").WithTags("rollouts").Reads<RolloutInfo>("The newest version of a label's rollout").RequireRole(ApiRole.Reader);
        api.MapGet(RolloutPath + "/history", HistoryAsync).WithName("rolloutHistory").WithTags("rollouts")
            .Reads<RolloutHistory>("Every version of a label's rollout, newest first").RequireRole(ApiRole.Reader);
    }

    /// <summary>A rollout's changes: start, weight, advance, promote, abort.</summary>
    public static void MapWrites(IEndpointRouteBuilder api)
    {
        api.MapPost(RolloutPath, StartAsync).WithName("startRollout").WithTags("rollouts")
            .Writes<RolloutStartRequest, RolloutInfo>("Start a rollout of a candidate version on a label", ok: false).RequireRole(ApiRole.Writer);
        api.MapPut(RolloutPath + "/weight", SetAsync).WithName("setRolloutWeight").WithTags("rollouts")
            .Writes<RolloutWeightRequest, RolloutInfo>("Set a candidate's weight in basis points", creates: false).RequireRole(ApiRole.Writer);
        api.MapPost(RolloutPath + "/advance", AdvanceAsync).WithName("advanceRollout").WithTags("rollouts")
            .Writes<RolloutActionRequest, RolloutInfo>("Take the rollout's next planned step", creates: false, bodyRequired: false).RequireRole(ApiRole.Writer);
        api.MapPost(RolloutPath + "/promote", PromoteAsync).WithName("promoteRollout").WithTags("rollouts")
            .Writes<RolloutActionRequest, RolloutInfo>("Make a candidate the plain tag and end the rollout", creates: false, bodyRequired: false).RequireRole(ApiRole.Writer);
        api.MapPost(RolloutPath + "/abort", AbortAsync).WithName("abortRollout").WithTags("rollouts")
            .Writes<RolloutActionRequest, RolloutInfo>("Return every subject to the control and end the rollout", creates: false).RequireRole(ApiRole.Writer);
    }

    private static async Task<JsonHttpResult<Resolution>> ResolveAsync(RolloutService rollouts, string kind, string id, string? label, string? subject, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        var resolved = await rollouts.ResolveAsync(key, label is null ? null : TagNames.Validate(label), RolloutSubjects.Check(subject), cancellationToken);
        return WireResults.Ok(WireRollouts.Of(resolved));
    }

    private static async Task<JsonHttpResult<RolloutInfo>> StatusAsync(RolloutService rollouts, string kind, string id, string label, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        var rollout = await rollouts.GetAsync(key, TagNames.Validate(label), cancellationToken)
            ?? throw new Errors.NotFoundException($"{key}@{label}", $"not found: {key}@{label} never had a rollout");
        return WireResults.Ok(WireRollouts.Of(rollout));
    }

    private static async Task<JsonHttpResult<RolloutHistory>> ListAsync(RolloutService rollouts, string kind, string id, CancellationToken cancellationToken) =>
        WireResults.Ok(WireRollouts.Of(await rollouts.ListAsync(EntityKey.Create(kind, id), cancellationToken)));

    private static async Task<JsonHttpResult<RolloutHistory>> HistoryAsync(RolloutService rollouts, string kind, string id, string label, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        var history = await rollouts.HistoryAsync(key, TagNames.Validate(label), cancellationToken);
        if (history.Count == 0)
        {
            throw new Errors.NotFoundException($"{key}@{label}", $"not found: {key}@{label} never had a rollout");
        }

        return WireResults.Ok(WireRollouts.Of(history));
    }

    private static async Task<JsonHttpResult<RolloutInfo>> StartAsync(
        HttpContext http, RolloutService rollouts, IOptions<VersoServerOptions> options, string kind, string id, string label, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        var start = new RolloutStart(key, TagNames.Validate(label), JsonRequests.RequiredInt(root, "candidate", 1), Weight(root) ?? throw JsonRequests.Invalid("weight", "'weight' is required"), By(http, root))
        {
            Control = JsonRequests.OptionalInt(root, "control", 1),
            Steps = Steps(root),
            BucketBy = JsonRequests.OptionalString(root, "bucket_by"),
            AdvanceOn = JsonRequests.OptionalString(root, "advance_on") is { } check ? TagNames.Validate(check) : null,
            Reason = JsonRequests.OptionalString(root, "reason"),
        };
        return WireResults.Created(WireRollouts.Of(await rollouts.StartAsync(start, cancellationToken)));
    }

    private static async Task<JsonHttpResult<RolloutInfo>> SetAsync(
        HttpContext http, RolloutService rollouts, IOptions<VersoServerOptions> options, string kind, string id, string label, CancellationToken cancellationToken)
    {
        var key = EntityKey.Create(kind, id);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        var weight = Weight(root) ?? throw JsonRequests.Invalid("weight", "'weight' is required");
        var rollout = await rollouts.SetWeightAsync(
            key, TagNames.Validate(label), weight, JsonRequests.OptionalInt(root, "candidate", 1), By(http, root), JsonRequests.OptionalString(root, "reason"), cancellationToken);
        return WireResults.Ok(WireRollouts.Of(rollout));
    }

    private static Task<JsonHttpResult<RolloutInfo>> AdvanceAsync(
        HttpContext http, RolloutService rollouts, IOptions<VersoServerOptions> options, string kind, string id, string label, CancellationToken cancellationToken) =>
        ActAsync(http, options, kind, id, (root, by, key) =>
            rollouts.AdvanceAsync(key, TagNames.Validate(label), by, JsonRequests.OptionalString(root, "reason"), cancellationToken), cancellationToken);

    private static Task<JsonHttpResult<RolloutInfo>> PromoteAsync(
        HttpContext http, RolloutService rollouts, IOptions<VersoServerOptions> options, string kind, string id, string label, CancellationToken cancellationToken) =>
        ActAsync(http, options, kind, id, (root, by, key) => rollouts.PromoteAsync(
            key, TagNames.Validate(label), JsonRequests.OptionalInt(root, "candidate", 1), by, JsonRequests.OptionalString(root, "reason"), cancellationToken), cancellationToken);

    private static Task<JsonHttpResult<RolloutInfo>> AbortAsync(
        HttpContext http, RolloutService rollouts, IOptions<VersoServerOptions> options, string kind, string id, string label, CancellationToken cancellationToken) =>
        ActAsync(http, options, kind, id, (root, by, key) =>
        {
            var reason = JsonRequests.OptionalString(root, "reason");
            return string.IsNullOrWhiteSpace(reason)
                ? throw JsonRequests.Invalid("reason", "'reason' is required: an abort records why")
                : rollouts.AbortAsync(key, TagNames.Validate(label), by, reason, cancellationToken);
        }, cancellationToken, bodyRequired: true);

    // Advance, promote, abort: an optional body (an empty one reads as {}), one rollout answered.
    private static async Task<JsonHttpResult<RolloutInfo>> ActAsync(
        HttpContext http, IOptions<VersoServerOptions> options, string kind, string id, Func<JsonElement, string, EntityKey, Task<Rollout>> act,
        CancellationToken cancellationToken, bool bodyRequired = false)
    {
        var key = EntityKey.Create(kind, id);
        using var body = bodyRequired || http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0
            ? await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken)
            : JsonDocument.Parse("{}");
        var rollout = await act(body.RootElement, By(http, body.RootElement), key);
        return WireResults.Ok(WireRollouts.Of(rollout));
    }

    private static string By(HttpContext http, JsonElement root) => Caller.Of(http).SavedBy(JsonRequests.OptionalString(root, "saved_by"));

    private static int? Weight(JsonElement root) =>
        JsonRequests.OptionalInt(root, "weight", 0) is { } weight && weight > RolloutBuckets.Count
            ? throw new InvalidRolloutException($"a weight is in basis points, 0 to {RolloutBuckets.Count}; {weight} is not")
            : JsonRequests.OptionalInt(root, "weight", 0);

    private static System.Collections.Immutable.ImmutableArray<int> Steps(JsonElement root)
    {
        if (!root.TryGetProperty("steps", out var steps) || steps.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (steps.ValueKind != JsonValueKind.Array || steps.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.Number || !s.TryGetInt32(out _)))
        {
            throw JsonRequests.Invalid("steps", "'steps' must be an array of whole numbers of basis points, e.g. [500, 2500, 5000, 10000]");
        }

        return [.. steps.EnumerateArray().Select(s => s.GetInt32())];
    }
}
