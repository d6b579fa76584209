using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.HttpResults;
using Verso.Governance.ChangeRequests;
using Verso.Contracts.ChangeRequests;
using Verso.Documents.Diff;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Versioning;
using IVersionStore = Verso.Storage.IVersionStore;

namespace Verso.Server.Endpoints;

/// <summary>
/// <c>/change-requests</c>: what <c>verso propose</c>, <c>crs</c>, <c>cr</c>, <c>review</c> and <c>apply</c> do.
/// The actor is the token's name; an act-as token names the person it acts for in <c>saved_by</c>, and both
/// count, so nobody approves their own change through someone else's token.
/// </summary>
internal static class ChangeRequestEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/change-requests", ProposeAsync).WithName("proposeChangeRequest").WithTags("change-requests")
            .Writes<ProposeRequest, ChangeRequestInfo>("Propose a record for an entity without changing it", ok: false).RequireRole(ApiRole.Writer);
        api.MapGet("/change-requests", ListAsync).WithName("listChangeRequests").WithTags("change-requests")
            .Reads<ChangeRequestList>("The change requests, optionally of one status or target").RequireRole(ApiRole.Reader);
        api.MapGet("/change-requests/{cr}", GetAsync).WithName("getChangeRequest").WithTags("change-requests")
            .Reads<ChangeRequestDetail>("One change request with its diff against its base and the current head").Compares().RequireRole(ApiRole.Reader);
        api.MapPost("/change-requests/{cr}", UpdateAsync).WithName("updateChangeRequest").WithTags("change-requests")
            .Writes<ReviseRequest, ChangeRequestInfo>("Replace the proposal with a new revision", creates: false).RequireRole(ApiRole.Writer);
        api.MapPost("/change-requests/{cr}/reviews", ReviewAsync).WithName("reviewChangeRequest").WithTags("change-requests")
            .Writes<ReviewRequest, ChangeRequestInfo>("Approve, reject or comment on the current revision", creates: false).RequireRole(ApiRole.Writer);
        // Both take an empty body as well as one that only names saved_by (and a message).
        api.MapPost("/change-requests/{cr}/apply", ApplyAsync).WithName("applyChangeRequest").WithTags("change-requests")
            .Writes<ActorRequest, AppliedChangeRequest>("Apply the proposal as a new version of its entity", creates: false, bodyRequired: false).RequireRole(ApiRole.Writer);
        api.MapPost("/change-requests/{cr}/withdraw", WithdrawAsync).WithName("withdrawChangeRequest").WithTags("change-requests")
            .Writes<ActorRequest, ChangeRequestInfo>("Withdraw a request (its author only)", creates: false, bodyRequired: false).RequireRole(ApiRole.Writer);
    }

    /// <summary>The actor of a request: the token, acting for <c>saved_by</c> when that names someone else.</summary>
    internal static Actor ActorOf(Caller caller, string? savedBy)
    {
        Caller.EnsurePlainName(savedBy);
        if (string.IsNullOrWhiteSpace(savedBy) || savedBy == caller.Name)
        {
            return new Actor(caller.Name);
        }

        if (caller.IsLocal)
        {
            return new Actor(savedBy);
        }

        // Refuses (403) a token without act-as naming someone else.
        _ = caller.SavedBy(savedBy);
        return new Actor(caller.Name, savedBy);
    }

    private static async Task<JsonHttpResult<ChangeRequestInfo>> ProposeAsync(
        HttpContext http, ChangeRequestService requests, IOptions<VersoServerOptions> options, CancellationToken cancellationToken)
    {
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        string Required(string name) => JsonRequests.OptionalString(root, name) ?? throw JsonRequests.Invalid(name, $"'{name}' is required");
        var target = EntityKey.Create(Required("kind"), Required("id"));
        KindAccess.DemandDeclaredRole(http, target.Kind);
        var record = RecordOf(root);
        var actor = ActorOf(Caller.Of(http), JsonRequests.OptionalString(root, "saved_by"));
        var request = await requests.ProposeAsync(
            target, record, actor, JsonRequests.OptionalString(root, "message"), JsonRequests.OptionalInt(root, "base_version", 0), cancellationToken);
        JsonBody.ApplyHeaders(http.Response, null, $"{http.Request.PathBase}{ApiPaths.Root}/change-requests/{request.Id}", immutable: false);
        return WireResults.Created(WireChangeRequests.Of(request));
    }

    private static async Task<JsonHttpResult<ChangeRequestList>> ListAsync(
        HttpContext http, ChangeRequestService requests, string? status, string? kind, string? id, CancellationToken cancellationToken)
    {
        if (id is not null && kind is null)
        {
            throw JsonRequests.Invalid("id", "'id' needs 'kind'");
        }

        // The filter checked the role and a kind named in the query; a token limited to some kinds sees only those.
        var caller = Caller.Of(http);
        if (kind is not null)
        {
            KindAccess.DemandDeclaredRole(http, kind);
        }

        var wanted = status is null ? (ChangeRequestStatus?)null : ChangeRequestStatuses.ParseStatus(status);
        var items = new List<ChangeRequestInfo>();
        await foreach (var request in requests.ListAsync(id is null ? null : EntityKey.Create(kind!, id), wanted, cancellationToken))
        {
            if ((kind is null || request.Target.Kind == kind) && caller.MayTouch(request.Target.Kind))
            {
                items.Add(WireChangeRequests.Of(request));
            }
        }

        return WireResults.Ok(new ChangeRequestList { Items = items });
    }

    private static async Task<JsonHttpResult<ChangeRequestDetail>> GetAsync(
        HttpContext http, VersioningService service, IVersionStore store, ChangeRequestService requests, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(cr, cancellationToken);
        KindAccess.DemandDeclaredRole(http, request.Target.Kind);
        var proposal = JsonNode.Parse(request.Proposal.Utf8.Span);
        var @base = request.BaseRef is { } baseRef ? await service.GetAsync(baseRef, cancellationToken) : null;
        var head = await store.GetLatestAsync(request.Target, cancellationToken);
        var budget = ComparisonBudgets.For(http, options, cancellationToken);
        var againstBase = JsonDiff.Compute(@base is { HasContent: true } ? JsonNode.Parse(@base.Content.Span) : null, proposal, budget: budget);
        var againstHead = JsonDiff.Compute(head is { HasContent: true } ? JsonNode.Parse(head.Content.Span) : null, proposal, budget: budget);
        return WireResults.Ok(new ChangeRequestDetail
        {
            Request = WireChangeRequests.Of(request),
            HeadVersion = head?.Version ?? 0,
            DiffBase = WireChangeRequests.Of(againstBase),
            DiffHead = WireChangeRequests.Of(againstHead),
        });
    }

    private static async Task<JsonHttpResult<ChangeRequestInfo>> UpdateAsync(
        HttpContext http, ChangeRequestService requests, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var (root, body) = await WriteContextAsync(http, requests, options.Value, cr, cancellationToken);
        using (body)
        {
            var request = await requests.UpdateAsync(
                cr, RecordOf(root), ActorOf(Caller.Of(http), JsonRequests.OptionalString(root, "saved_by")), JsonRequests.OptionalString(root, "message"), JsonRequests.OptionalInt(root, "base_version", 0), cancellationToken);
            return WireResults.Ok(WireChangeRequests.Of(request));
        }
    }

    private static async Task<JsonHttpResult<ChangeRequestInfo>> ReviewAsync(
        HttpContext http, ChangeRequestService requests, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var (root, body) = await WriteContextAsync(http, requests, options.Value, cr, cancellationToken);
        using (body)
        {
            var verdict = ChangeRequestStatuses.ParseVerdict(JsonRequests.OptionalString(root, "verdict") ?? throw JsonRequests.Invalid("verdict", "'verdict' is required: approve, reject or comment"));
            var request = await requests.ReviewAsync(cr, verdict, ActorOf(Caller.Of(http), JsonRequests.OptionalString(root, "saved_by")), JsonRequests.OptionalString(root, "message"), cancellationToken);
            return WireResults.Ok(WireChangeRequests.Of(request));
        }
    }

    private static async Task<JsonHttpResult<AppliedChangeRequest>> ApplyAsync(
        HttpContext http, ChangeRequestService requests, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var (root, body) = await WriteContextAsync(http, requests, options.Value, cr, cancellationToken);
        using (body)
        {
            var result = await requests.ApplyAsync(cr, ActorOf(Caller.Of(http), JsonRequests.OptionalString(root, "saved_by")), cancellationToken);
            if (!result.IsApplied)
            {
                // The head moved and the three-way merge conflicts: the request is now stale, nothing was written.
                throw new ApiProblemException(new ApiProblem(
                        StatusCodes.Status409Conflict, "stale", "Stale", $"{cr} conflicts with the head of {result.Request.Target} at {string.Join(", ", result.Conflicts.Select(c => c.Path))}; update it against the head")
                    .With("cr", cr).With("conflicts", result.Conflicts.Select(c => c.Path).ToList()));
            }

            JsonBody.ApplyHeaders(http.Response, null, null, immutable: false);
            return WireResults.Ok(WireChangeRequests.Of(result));
        }
    }

    private static async Task<JsonHttpResult<ChangeRequestInfo>> WithdrawAsync(
        HttpContext http, ChangeRequestService requests, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var (root, body) = await WriteContextAsync(http, requests, options.Value, cr, cancellationToken);
        using (body)
        {
            var request = await requests.WithdrawAsync(cr, ActorOf(Caller.Of(http), JsonRequests.OptionalString(root, "saved_by")), JsonRequests.OptionalString(root, "message"), cancellationToken);
            return WireResults.Ok(WireChangeRequests.Of(request));
        }
    }

    // A write on an existing request: the endpoint's role on its target's kind, with an optional JSON body.
    private static async Task<(JsonElement Root, IDisposable? Body)> WriteContextAsync(
        HttpContext http, ChangeRequestService requests, VersoServerOptions options, string cr, CancellationToken cancellationToken)
    {
        var current = await requests.GetAsync(cr, cancellationToken);
        KindAccess.DemandDeclaredRole(http, current.Target.Kind);
        if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && http.Request.ContentType is null))
        {
            using var empty = JsonDocument.Parse("{}");
            return (empty.RootElement.Clone(), null);
        }

        var body = await JsonRequests.ReadObjectAsync(http.Request, options, cancellationToken);
        return (body.RootElement, body);
    }

    private static byte[] RecordOf(JsonElement root) =>
        root.TryGetProperty("record", out var record) && record.ValueKind == JsonValueKind.Object
            ? System.Text.Encoding.UTF8.GetBytes(record.GetRawText())
            : throw JsonRequests.Invalid("record", "'record' is required: the proposed record, a JSON object");
}
