using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Verso.Agents.Decisions;
using Verso.Agents.Kinds;
using Verso.Contracts.Decisions;
using Verso.Naming;
using Verso.Server;
using Verso.Server.Endpoints;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Agents.Http.Wire;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Agents.Http.Endpoints;

/// <summary><c>POST /decisions</c>: what <c>verso decide</c> does, pinning the charters in force when the task ran.</summary>
internal static class DecisionEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/decisions", RecordAsync).WithName("recordDecision").WithTags("decisions")
            .Writes<DecisionInput, DecisionResult>("Record a decision pinned to the charters in force when the task ran").RequireRole(ApiRole.Writer);

    // An array of strings, or absent/null; anything else (a number in it, a string for the list) is one 400, never a 500.
    private static List<string>? Criteria(System.Text.Json.JsonElement root)
    {
        if (!root.TryGetProperty("criteria", out var list) || list.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return null;
        }

        if (list.ValueKind != System.Text.Json.JsonValueKind.Array)
        {
            throw JsonRequests.Invalid("criteria", "'criteria' must be an array of strings");
        }

        var criteria = new List<string>(list.GetArrayLength());
        var index = 0;
        foreach (var criterion in list.EnumerateArray())
        {
            criteria.Add(criterion.ValueKind == System.Text.Json.JsonValueKind.String
                ? criterion.GetString()!
                : throw JsonRequests.Invalid("criteria", $"'criteria' must be an array of strings; item {index} is a {criterion.ValueKind.ToString().ToLowerInvariant()}"));
            index++;
        }

        return criteria;
    }

    // The resolution member of a decision body: {label, subject?, rollout_version?}, or null when absent.
    private static DecisionResolution? ReadResolution(System.Text.Json.JsonElement root)
    {
        if (!root.TryGetProperty("resolution", out var resolution) || resolution.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            return null;
        }

        if (resolution.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw JsonRequests.Invalid("resolution", "'resolution' must be an object with label, subject and rollout_version");
        }

        var label = JsonRequests.OptionalString(resolution, "label") ?? throw JsonRequests.Invalid("resolution/label", "'resolution.label' is required");
        return new DecisionResolution(
            TagNames.Validate(label), RolloutSubjects.Check(JsonRequests.OptionalString(resolution, "subject")), JsonRequests.OptionalInt(resolution, "rollout_version", 1));
    }

    private static async Task<JsonHttpResult<DecisionResult>> RecordAsync(
        HttpContext http, VersioningService service, IVersionStore store, TimeProvider time, IOptions<VersoServerOptions> options, CancellationToken cancellationToken)
    {
        // The route names no kind: a decision is always of the decision kind.
        KindAccess.DemandDeclaredRole(http, AgentKinds.Decision.Name);
        using var body = await JsonRequests.ReadObjectAsync(http.Request, options.Value, cancellationToken);
        var root = body.RootElement;
        string Required(string name) => JsonRequests.OptionalString(root, name) ?? throw JsonRequests.Invalid(name, $"'{name}' is required");
        var outcome = Required("decision") switch
        {
            "approved" => DecisionOutcome.Approved,
            "rejected" => DecisionOutcome.Rejected,
            "auto_approved" => DecisionOutcome.AutoApproved,
            "auto_rejected" => DecisionOutcome.AutoRejected,
            "escalated" => DecisionOutcome.Escalated,
            var other => throw JsonRequests.Invalid("decision", $"'decision' must be approved, rejected, auto_approved, auto_rejected or escalated, not '{other}'"),
        };
        var executedAtText = Required("executed_at");
        if (!Timestamp.TryParseUtc(executedAtText, out var executedAt))
        {
            throw JsonRequests.Invalid("executed_at", $"'executed_at' '{executedAtText}' is not ISO 8601 UTC, e.g. 2026-11-01T12:00:00Z");
        }

        var criteria = Criteria(root);
        var request = new DecisionRequest(
            EntityKey.Create(AgentKinds.Decision.Name, Required("task")).Id,
            EntityKey.Create(AgentKinds.Agent.Name, Required("executor")).Id,
            EntityKey.Create(AgentKinds.Agent.Name, Required("reviewer")).Id,
            outcome,
            executedAt)
        {
            Reason = JsonRequests.OptionalString(root, "reason"),
            Criteria = criteria is { Count: > 0 } ? [.. criteria] : null,
            ExecutorRef = JsonRequests.OptionalString(root, "executor_ref") is { } e ? VersionRef.Parse(e) : null,
            ReviewerRef = JsonRequests.OptionalString(root, "reviewer_ref") is { } r ? VersionRef.Parse(r) : null,
            Resolution = ReadResolution(root),
        };
        var by = Caller.Of(http).SavedBy(JsonRequests.OptionalString(root, "saved_by"));
        var result = await new DecisionLog(service, store, time).RecordAsync(request, by, cancellationToken);
        var head = result.Head;
        var created = result.Outcome == AppendOutcome.Created;
        http.Response.Headers.ETag = ETags.Of(head.Stored);
        if (!created)
        {
            return WireResults.Ok(WireDecisions.Of(head));
        }

        http.Response.Headers.Location = $"{http.Request.PathBase}{ApiPaths.Version(head.Stored.Key, head.Version)}";
        return WireResults.Created(WireDecisions.Of(head));
    }
}
