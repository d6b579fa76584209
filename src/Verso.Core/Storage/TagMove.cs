using Verso.Naming;

namespace Verso.Storage;

/// <summary>One move of a tag, as its append-only history keeps it.</summary>
/// <param name="Key">The entity.</param>
/// <param name="Name">The tag.</param>
/// <param name="FromVersion">Where the tag pointed before; null when it was new.</param>
/// <param name="ToVersion">Where it points since.</param>
/// <param name="MovedBy">Who moved it.</param>
/// <param name="MovedAt">When, in UTC.</param>
/// <param name="Reason">Why, if given.</param>
public sealed record TagMove(EntityKey Key, string Name, int? FromVersion, int ToVersion, string MovedBy, DateTimeOffset MovedAt, string? Reason);
