using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Verso.Checks;
using Verso.Naming;
using Verso.Policies;
using Verso.Server.Http;
using Verso.Server.Security;
using Verso.Versioning;

namespace Verso.Server.Endpoints;

/// <summary>
/// <c>GET /entities/{kind}/{id}/promotion</c>: for each tag a policy guards, whether a version (the head by
/// default) could carry it now, and when not, which rule refuses and what would satisfy it. The same
/// question a tag move asks, answered without moving anything, so a client can say so before it tries.
/// </summary>
internal static class PromotionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/entities/{kind}/{id}/promotion", PromotionAsync).WithName("getPromotion").WithTags("checks")
            .Reads<OpenApi.PromotionStatus>("Whether a version could carry each tag a policy guards, and what it lacks");
    }

    private static async Task<IResult> PromotionAsync(HttpContext http, VersioningService service, string kind, string id, string? version, CancellationToken cancellationToken)
    {
        var key = HistoryEndpoints.ReadableKey(http, kind, id);
        var target = await service.GetAsync(version is null ? VersionRef.Latest(key) : HistoryEndpoints.ParseSelector(key, version), cancellationToken);
        var guarded = (await service.Policies.AllAsync(cancellationToken)).Where(p => p.Scope.Kind == PolicyScopeKind.Tag).ToList();
        var results = await CheckLedger.ReadAsync(service.Store, key, target.Version, cancellationToken);
        return new JsonBody(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("ref", target.Ref.ToString());
            writer.WriteNumber("version", target.Version);
            writer.WriteStartArray("items");
            foreach (var policy in guarded)
            {
                WriteTag(writer, target.Ref.ToString(), policy, results);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    // Mirrors the rule a tag move enforces: the newest result of each required check must be a pass. The MCP
    // promotion tool writes its items with this too, so both faces answer alike.
    internal static void WriteTag(Utf8JsonWriter writer, string target, Policy policy, IReadOnlyList<CheckResult> results)
    {
        var unmet = policy.RequiredChecks.Select(name => (Name: name, Latest: results.LastOrDefault(r => r.Name == name)))
            .Where(check => check.Latest is not { Passed: true }).ToList();
        writer.WriteStartObject();
        writer.WriteString("tag", policy.Scope.Name);
        writer.WriteString("policy", policy.Version.ToString());
        writer.WriteStartArray("required_checks");
        foreach (var check in policy.RequiredChecks)
        {
            writer.WriteStringValue(check);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("rollback_tag_on_fail", policy.RollbackTagOnFail);
        writer.WriteBoolean("promotable", unmet.Count == 0);
        writer.WriteStartArray("unmet");
        foreach (var (name, latest) in unmet)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            if (latest is null)
            {
                writer.WriteNull("result");
            }
            else
            {
                writer.WriteString("result", latest.Result);
                writer.WriteString("by", latest.By);
                writer.WriteString("at", Timestamp.Format(latest.At));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (unmet.Count > 0)
        {
            writer.WriteString("rule", PolicyRules.RequiredChecks);
            writer.WriteString("reason", $"{policy.Scope.Name} needs {string.Join(", ", policy.RequiredChecks.Select(c => c + ": pass"))} on {target}");
            writer.WriteString("remedy", $"record a passing {string.Join(", ", unmet.Select(u => u.Name))} check on {target}");
        }

        writer.WriteEndObject();
    }
}
