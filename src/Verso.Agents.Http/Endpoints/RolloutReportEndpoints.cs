using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Verso.Agents.Decisions;
using Verso.Contracts.Rollouts;
using Verso.Naming;
using Verso.Server.Endpoints;
using Verso.Server.Security;
using Verso.Server.Security.Access;
using Verso.Server.Wire;
using Verso.Storage;
using Verso.Versioning.Rollouts;

namespace Verso.Agents.Http.Endpoints;

/// <summary>
/// <c>GET …/rollouts/{label}/report</c>: the decisions made under each variant of a rollout, counted by outcome. A
/// rollout is Core's; reading decisions is the domain's, so the report is mapped here, among the rollout's reads.
/// </summary>
internal static class RolloutReportEndpoints
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/entities/{kind}/{id}/rollouts/{label}/report", ReportAsync).WithName("rolloutReport").WithTags("rollouts")
            .Reads<RolloutReport>("The decisions made under each variant of a rollout, counted by outcome").RequireRole(ApiRole.Reader);

    private static async Task<JsonHttpResult<RolloutReport>> ReportAsync(
        RolloutService rollouts, IVersionStore store, string kind, string id, string label, CancellationToken cancellationToken)
    {
        var (rollout, variants) = await RolloutDecisionReport.BuildAsync(rollouts, store, EntityKey.Create(kind, id), TagNames.Validate(label), cancellationToken);
        return WireResults.Ok(new RolloutReport
        {
            Rollout = WireRollouts.Of(rollout),
            Variants = [.. variants.Select(variant => new VariantOutcomes
            {
                Version = variant.Version,
                Variant = variant.Variant,
                Weight = variant.Weight,
                Decisions = variant.Decisions.Length,
                Outcomes = variant.Outcomes,
                Refs = [.. variant.Decisions.Select(d => d.ToString())],
            })],
        });
    }
}
