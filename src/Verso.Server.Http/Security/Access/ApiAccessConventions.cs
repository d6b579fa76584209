using Microsoft.AspNetCore.Builder;

namespace Verso.Server.Security.Access;

/// <summary>Declares who may call an endpoint or a route group, as metadata the API's access filter reads.</summary>
public static class ApiAccessConventions
{
    /// <summary>
    /// The endpoints of <paramref name="builder"/> need <paramref name="role"/>. Declared on an endpoint it
    /// overrides its group's (the last requirement in the metadata wins).
    /// </summary>
    /// <param name="builder">An endpoint or a route group.</param>
    /// <param name="role">The least role.</param>
    /// <param name="everyKind">When the endpoint covers every kind: what it is ("the manifest"), for the 403 a kind-limited token gets.</param>
    /// <param name="kindInQuery">The endpoint takes its kind as an optional <c>?kind=</c> (the change feed): checked like a route's when given.</param>
    public static TBuilder RequireRole<TBuilder>(this TBuilder builder, ApiRole role, string? everyKind = null, bool kindInQuery = false)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new ApiAccessRequirement(role, everyKind) { KindInQuery = kindInQuery });
    }
}
