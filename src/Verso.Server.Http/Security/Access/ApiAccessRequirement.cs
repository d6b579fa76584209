namespace Verso.Server.Security.Access;

/// <summary>
/// Endpoint metadata: the role a caller needs for an endpoint, and whether the endpoint covers every kind
/// (a kind-limited token is then refused). The server's access filter (<c>ApiAccessFilter</c>) enforces it for the whole
/// <c>/api/v1</c> group before a handler runs, so handlers hold no authorization code.
/// </summary>
/// <param name="Role">The least role the caller needs (a governed kind raises a write to admin).</param>
/// <param name="EveryKind">What covers every kind, named in the 403 a kind-limited token gets; null when the endpoint is about one kind or none.</param>
public sealed record ApiAccessRequirement(ApiRole Role, string? EveryKind = null)
{
    /// <summary>The endpoint names its kind in the query (<c>?kind=</c>, optional) rather than in its route: checked the same way when given.</summary>
    public bool KindInQuery { get; init; }
}
