using System.Text.Json;
using Verso.Storage;

namespace Verso.Json;

/// <summary>The JSON shape of an entity's tags inside a version read (the tag endpoints and <c>verso tags</c> answer with <c>Verso.Contracts.Tags</c>).</summary>
public static class TagJson
{
    /// <summary>Writes <c>{"name": version, …}</c>, ordered by name.</summary>
    public static void WriteTags(Utf8JsonWriter writer, IEnumerable<EntityTag> tags)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(tags);
        writer.WriteStartObject();
        foreach (var tag in tags)
        {
            writer.WriteNumber(tag.Name, tag.Version);
        }

        writer.WriteEndObject();
    }
}
