using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Json;
using Verso.ChangeRequests;
using Verso.Diff;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Server.OpenApi;
using Verso.Server.Security;
using Verso.Versioning;

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
        api.MapPost("/change-requests", ProposeAsync).WithName("proposeChangeRequest").WithTags("change-requests").Writes<ProposeRequest, ChangeRequestInfo>("Propose a record for an entity without changing it", ok: false);
        api.MapGet("/change-requests", ListAsync).WithName("listChangeRequests").WithTags("change-requests").Reads<ChangeRequestList>("The change requests, optionally of one status or target");
        api.MapGet("/change-requests/{cr}", GetAsync).WithName("getChangeRequest").WithTags("change-requests").Reads<ChangeRequestDetail>("One change request with its diff against its base and the current head").Compares();
        api.MapPost("/change-requests/{cr}", UpdateAsync).WithName("updateChangeRequest").WithTags("change-requests").Writes<ReviseRequest, ChangeRequestInfo>("Replace the proposal with a new revision", creates: false);
        api.MapPost("/change-requests/{cr}/reviews", ReviewAsync).WithName("reviewChangeRequest").WithTags("change-requests").Writes<ReviewRequest, ChangeRequestInfo>("Approve, reject or comment on the current revision", creates: false);
        // Both take an empty body as well as one that only names saved_by (and a message).
        api.MapPost("/change-requests/{cr}/apply", ApplyAsync).WithName("applyChangeRequest").WithTags("change-requests").Writes<ActorRequest, AppliedChangeRequest>("Apply the proposal as a new version of its entity", creates: false, bodyRequired: false);
        api.MapPost("/change-requests/{cr}/withdraw", WithdrawAsync).WithName("withdrawChangeRequest").WithTags("change-requests").Writes<ActorRequest, ChangeRequestInfo>("Withdraw a request (its author only)", creates: false, bodyRequired: false);
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

    private static async Task<IResult> ProposeAsync(HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Writer);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        string Required(string name) => JsonRequests.OptionalString(root, name) ?? throw JsonRequests.Invalid(name, $"'{name}' is required");
        var target = EntityKey.Create(Required("kind"), Required("id"));
        caller.Demand(ApiRole.Writer, target.Kind);
        var record = RecordOf(root);
        var actor = ActorOf(caller, JsonRequests.OptionalString(root, "saved_by"));
        var request = await new ChangeRequestService(service).ProposeAsync(
            target, record, actor, JsonRequests.OptionalString(root, "message"), JsonRequests.OptionalInt(root, "base_version", 0), cancellationToken);
        return new JsonBody(writer => Write(writer, request), StatusCodes.Status201Created) { Location = $"{http.Request.PathBase}{ApiPaths.Root}/change-requests/{request.Id}" };
    }

    private static async Task<IResult> ListAsync(HttpContext http, VersioningService service, string? status, string? kind, string? id, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Reader, kind);
        if (id is not null && kind is null)
        {
            throw JsonRequests.Invalid("id", "'id' needs 'kind'");
        }

        var wanted = status is null ? (ChangeRequestStatus?)null : ChangeRequestStatuses.ParseStatus(status);
        var requests = new List<ChangeRequest>();
        await foreach (var request in new ChangeRequestService(service).ListAsync(id is null ? null : EntityKey.Create(kind!, id), wanted, cancellationToken))
        {
            if ((kind is null || request.Target.Kind == kind) && caller.MayTouch(request.Target.Kind))
            {
                requests.Add(request);
            }
        }

        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var request in requests)
            {
                Write(writer, request);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> GetAsync(HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        var request = await new ChangeRequestService(service).GetAsync(cr, cancellationToken);
        caller.Demand(ApiRole.Reader, request.Target.Kind);
        var proposal = JsonNode.Parse(request.Proposal.Utf8.Span);
        var @base = request.BaseRef is { } baseRef ? await service.GetAsync(baseRef, cancellationToken) : null;
        var head = await service.Store.GetLatestAsync(request.Target, cancellationToken);
        var budget = ComparisonBudgets.For(http, options, cancellationToken);
        var againstBase = JsonDiff.Compute(@base is { HasContent: true } ? JsonNode.Parse(@base.Content.Span) : null, proposal, budget: budget);
        var againstHead = JsonDiff.Compute(head is { HasContent: true } ? JsonNode.Parse(head.Content.Span) : null, proposal, budget: budget);
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("request");
            Write(writer, request);
            writer.WriteNumber("head_version", head?.Version ?? 0);
            WriteChanges(writer, "diff_base", againstBase);
            WriteChanges(writer, "diff_head", againstHead);
            writer.WriteEndObject();
        });
    }

    private static async Task<IResult> UpdateAsync(HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var (requests, caller, root, body) = await WriteContextAsync(http, service, options.Value, cr, cancellationToken);
        using (body)
        {
            var request = await requests.UpdateAsync(
                cr, RecordOf(root), ActorOf(caller, JsonRequests.OptionalString(root, "saved_by")), JsonRequests.OptionalString(root, "message"), JsonRequests.OptionalInt(root, "base_version", 0), cancellationToken);
            return new JsonBody(writer => Write(writer, request));
        }
    }

    private static async Task<IResult> ReviewAsync(HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var (requests, caller, root, body) = await WriteContextAsync(http, service, options.Value, cr, cancellationToken);
        using (body)
        {
            var verdict = ChangeRequestStatuses.ParseVerdict(JsonRequests.OptionalString(root, "verdict") ?? throw JsonRequests.Invalid("verdict", "'verdict' is required: approve, reject or comment"));
            var request = await requests.ReviewAsync(cr, verdict, ActorOf(caller, JsonRequests.OptionalString(root, "saved_by")), JsonRequests.OptionalString(root, "message"), cancellationToken);
            return new JsonBody(writer => Write(writer, request));
        }
    }

    private static async Task<IResult> ApplyAsync(HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var (requests, caller, root, body) = await WriteContextAsync(http, service, options.Value, cr, cancellationToken);
        using (body)
        {
            var result = await requests.ApplyAsync(cr, ActorOf(caller, JsonRequests.OptionalString(root, "saved_by")), cancellationToken);
            if (!result.IsApplied)
            {
                // The head moved and the three-way merge conflicts: the request is now stale, nothing was written.
                throw new ApiProblemException(new ApiProblem(
                        StatusCodes.Status409Conflict, "stale", "Stale", $"{cr} conflicts with the head of {result.Request.Target} at {string.Join(", ", result.Conflicts.Select(c => c.Path))}; update it against the head")
                    .With("cr", cr).With("conflicts", result.Conflicts.Select(c => c.Path).ToList()));
            }

            return new JsonBody(writer =>
            {
                writer.WriteStartObject();
                writer.WritePropertyName("request");
                Write(writer, result.Request);
                writer.WriteBoolean("applied", result.IsApplied);
                writer.WriteBoolean("merged", result.Merged);
                if (result.Applied is { } applied)
                {
                    writer.WriteString("ref", applied.Ref.ToString());
                    writer.WriteNumber("version", applied.Version);
                }

                writer.WriteStartArray("conflicts");
                foreach (var conflict in result.Conflicts)
                {
                    writer.WriteStringValue(conflict.Path);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
        }
    }

    private static async Task<IResult> WithdrawAsync(HttpContext http, VersioningService service, IOptions<VersoServerOptions> options, string cr, CancellationToken cancellationToken)
    {
        var (requests, caller, root, body) = await WriteContextAsync(http, service, options.Value, cr, cancellationToken);
        using (body)
        {
            var request = await requests.WithdrawAsync(cr, ActorOf(caller, JsonRequests.OptionalString(root, "saved_by")), JsonRequests.OptionalString(root, "message"), cancellationToken);
            return new JsonBody(writer => Write(writer, request));
        }
    }

    // A write on an existing request: a writer on its target's kind, with an optional JSON body.
    private static async Task<(ChangeRequestService Requests, Caller Caller, JsonElement Root, IDisposable? Body)> WriteContextAsync(
        HttpContext http, VersioningService service, VersoServerOptions options, string cr, CancellationToken cancellationToken)
    {
        var caller = Caller.Of(http);
        caller.Demand(ApiRole.Writer);
        var requests = new ChangeRequestService(service);
        var current = await requests.GetAsync(cr, cancellationToken);
        caller.Demand(ApiRole.Writer, current.Target.Kind);
        if (http.Request.ContentLength is 0 || (http.Request.ContentLength is null && http.Request.ContentType is null))
        {
            using var empty = JsonDocument.Parse("{}");
            return (requests, caller, empty.RootElement.Clone(), null);
        }

        var body = await JsonRequests.ReadObjectAsync(http.Request, options, cancellationToken);
        return (requests, caller, body.RootElement, body);
    }

    private static byte[] RecordOf(JsonElement root) =>
        root.TryGetProperty("record", out var record) && record.ValueKind == JsonValueKind.Object
            ? System.Text.Encoding.UTF8.GetBytes(record.GetRawText())
            : throw JsonRequests.Invalid("record", "'record' is required: the proposed record, a JSON object");

    private static void Write(Utf8JsonWriter writer, ChangeRequest request) => ChangeRequestOutputJson.Write(writer, request);

    private static void WriteChanges(Utf8JsonWriter writer, string name, IEnumerable<JsonChange> changes)
    {
        writer.WriteStartArray(name);
        foreach (var change in changes)
        {
            writer.WriteStartObject();
            writer.WriteString("path", change.Path);
            writer.WriteString("change", change.Kind.ToString().ToLowerInvariant());
            ChangeJson.WriteValue(writer, "old", change.Old);
            ChangeJson.WriteValue(writer, "new", change.New);

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
