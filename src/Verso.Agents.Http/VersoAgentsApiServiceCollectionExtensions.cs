using Microsoft.Extensions.DependencyInjection.Extensions;
using Verso.Agents.Http.Endpoints;
using Verso.Agents.Http.Mcp;
using Verso.Server;
using Verso.Server.Mcp.Tools;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the Agents layer's face to Verso's server: <c>services.AddVersoAgentsApi()</c> beside <c>AddVersoServer()</c>.</summary>
public static class VersoAgentsApiServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>POST /api/v1/decisions</c> and a rollout's decision report (mapped by <c>MapVersoApi()</c> at their
    /// places among the server's endpoints) and the <c>record_decision</c> MCP tool (listed by the MCP server, over
    /// streamable HTTP and stdio alike). Registering twice adds nothing.
    /// </summary>
    public static IServiceCollection AddVersoAgentsApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => ReferenceEquals(d.ImplementationInstance, DecisionParts.Decisions)))
        {
            return services;
        }

        services.AddSingleton(DecisionParts.Decisions);
        services.AddSingleton(DecisionParts.Report);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<VersoTool, RecordDecisionTool>());
        return services;
    }

    private static class DecisionParts
    {
        public static readonly VersoApiPart Decisions = new(VersoApiSlot.AfterMerge, DecisionEndpoints.Map);

        public static readonly VersoApiPart Report = new(VersoApiSlot.AfterRolloutReads, RolloutReportEndpoints.Map);
    }
}
