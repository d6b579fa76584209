using Microsoft.AspNetCore.Routing;

namespace Verso.Server;

/// <summary>
/// Endpoints of <c>/api/v1</c> that a layer above the server maps (the Agents face: decisions, a rollout's decision
/// report), registered as a service; <c>MapVersoApi()</c> maps every registered part at its <paramref name="Slot"/>,
/// inside the API's route group, so the parts get the group's access filter and prefix like the server's own endpoints.
/// </summary>
/// <param name="Slot">Where among the server's endpoints the part is mapped.</param>
/// <param name="Map">Maps the part's endpoints on the <c>/api/v1</c> group; each declares its role with <c>RequireRole</c>.</param>
public sealed record VersoApiPart(VersoApiSlot Slot, Action<IEndpointRouteBuilder> Map);
