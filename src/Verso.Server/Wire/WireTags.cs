using Verso.Contracts.Tags;
using Verso.Storage;

namespace Verso.Server.Wire;

/// <summary>Tags as the wire shows them: Core's results mapped to <see cref="Verso.Contracts.Tags"/>.</summary>
public static class WireTags
{
    /// <summary>Each tag's name and the version it points at, ordered by name as the store lists them.</summary>
    public static Dictionary<string, int> Of(IEnumerable<EntityTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            map[tag.Name] = tag.Version;
        }

        return map;
    }

    /// <summary>One move of a tag.</summary>
    public static Contracts.Tags.TagMove Of(Storage.TagMove move)
    {
        ArgumentNullException.ThrowIfNull(move);
        return new Contracts.Tags.TagMove
        {
            Tag = move.Name,
            FromVersion = move.FromVersion,
            ToVersion = move.ToVersion,
            MovedBy = move.MovedBy,
            MovedAt = move.MovedAt,
            Reason = move.Reason,
        };
    }
}
