using Verso.Governance.Policies;

namespace Verso.Model.Kinds;

/// <summary>
/// Kinds whose records are Verso's own bookkeeping rather than an organization's configuration: a host's
/// reserved <c>verso-…</c> kinds (the server's tokens) and the review services' <c>change-request</c> and
/// <c>check</c> records. Listings, exports, manifests and the page's overview leave them out unless asked to
/// include them, so "what is configured" never shows a change request's sequence counter as an entity.
/// </summary>
public static class InternalKinds
{
    /// <summary>Whether <paramref name="kind"/> holds internal records.</summary>
    public static bool IsInternal(string kind) => ReservedKinds.IsReserved(kind) || PolicyKinds.IsReserved(kind);
}
