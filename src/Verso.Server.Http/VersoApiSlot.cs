namespace Verso.Server;

/// <summary>
/// Where a part of <c>/api/v1</c> mapped by a layer above the server goes among the server's own endpoints. The
/// OpenAPI document lists paths in the order they are mapped, so a part keeps its place in the document (and its
/// clients' generated code) whichever project maps it.
/// </summary>
public enum VersoApiSlot
{
    /// <summary>After merge (<c>/entities/{kind}/{id}/merge</c>), before change requests: the decisions.</summary>
    AfterMerge,

    /// <summary>After a rollout's reads (resolve, list, status, history), before its changes (start, weight, advance…).</summary>
    AfterRolloutReads,
}
