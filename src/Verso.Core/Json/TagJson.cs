using System.Text.Json;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Json;

/// <summary>The JSON shapes of tags: where each points now, and every move of them.</summary>
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

    /// <summary>Writes one move: <c>{tag, from_version?, to_version, moved_by, moved_at, reason?}</c>.</summary>
    public static void WriteMove(Utf8JsonWriter writer, TagMove move)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(move);
        writer.WriteStartObject();
        writer.WriteString("tag", move.Name);
        if (move.FromVersion is { } from)
        {
            writer.WriteNumber("from_version", from);
        }

        writer.WriteNumber("to_version", move.ToVersion);
        writer.WriteString("moved_by", move.MovedBy);
        writer.WriteString("moved_at", Timestamp.Format(move.MovedAt));
        if (move.Reason is not null)
        {
            writer.WriteString("reason", move.Reason);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the moves as one array.</summary>
    public static void WriteMoves(Utf8JsonWriter writer, IEnumerable<TagMove> moves)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(moves);
        writer.WriteStartArray();
        foreach (var move in moves)
        {
            WriteMove(writer, move);
        }

        writer.WriteEndArray();
    }
}
