using System.Text.Json;
using Verso.Merge;
using Verso.Storage;

namespace Verso.Json;

/// <summary>The JSON shapes of a three-way merge: <c>{clean:false, conflicts}</c> or <c>{clean:true, merged, status?, ref?, hash?}</c>.</summary>
public static class MergeJson
{
    /// <summary>Writes each conflict as <c>{path, base?, ours?, theirs?}</c>; a side where the value is absent has no member.</summary>
    public static void WriteConflicts(Utf8JsonWriter writer, IEnumerable<MergeConflict> conflicts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(conflicts);
        writer.WriteStartArray();
        foreach (var conflict in conflicts)
        {
            writer.WriteStartObject();
            writer.WriteString("path", conflict.Path);
            // A side where the value is absent has no member, which tells it apart from a JSON null.
            WriteSide(writer, "base", conflict.Base, conflict.InBase);
            WriteSide(writer, "ours", conflict.Ours, conflict.InOurs);
            WriteSide(writer, "theirs", conflict.Theirs, conflict.InTheirs);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes <c>{clean: false, conflicts: […]}</c>.</summary>
    public static void WriteUnclean(Utf8JsonWriter writer, MergeResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteBoolean("clean", false);
        writer.WritePropertyName("conflicts");
        WriteConflicts(writer, result.Conflicts);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{clean: true, merged}</c> and, when it was saved, <c>status, ref, hash</c>.</summary>
    public static void WriteClean(Utf8JsonWriter writer, ReadOnlySpan<byte> merged, AppendResult? saved)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteBoolean("clean", true);
        writer.WritePropertyName("merged");
        writer.WriteRawValue(merged, skipInputValidation: true);
        if (saved is not null)
        {
            writer.WriteString("status", saved.Outcome.ToName());
            writer.WriteString("ref", saved.Head.Ref.ToString());
            writer.WriteString("hash", saved.Head.Hash.ToString());
        }

        writer.WriteEndObject();
    }

    private static void WriteSide(Utf8JsonWriter writer, string name, System.Text.Json.Nodes.JsonNode? value, bool present)
    {
        if (present)
        {
            ChangeJson.WriteValue(writer, name, value);
        }
    }
}
