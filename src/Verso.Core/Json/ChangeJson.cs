using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Diff;

namespace Verso.Json;

/// <summary>The JSON shape of a change list: what <c>verso diff --format json</c> prints and the API serves.</summary>
public static class ChangeJson
{
    /// <summary>Writes the changes as one array.</summary>
    public static void WriteChanges(Utf8JsonWriter writer, ImmutableArray<JsonChange> changes)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var change in changes)
        {
            writer.WriteStartObject();
            writer.WriteString("path", change.Path);
            writer.WriteString("kind", change.Kind.ToString().ToLowerInvariant());
            if (change.From is not null)
            {
                writer.WriteString("from", change.From);
            }

            if (change.Kind != ChangeKind.Added)
            {
                WriteValue(writer, "old", change.Old);
            }

            if (change.Kind != ChangeKind.Removed)
            {
                WriteValue(writer, "new", change.New);
            }

            if (change.Lines is { } text)
            {
                WriteHunks(writer, text);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes a property holding a JSON value, or null.</summary>
    public static void WriteValue(Utf8JsonWriter writer, string name, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    private static void WriteHunks(Utf8JsonWriter writer, TextDiff text)
    {
        writer.WriteStartArray("hunks");
        foreach (var hunk in text.Hunks)
        {
            writer.WriteStartObject();
            writer.WriteNumber("old_start", hunk.OldStart);
            writer.WriteNumber("old_length", hunk.OldLength);
            writer.WriteNumber("new_start", hunk.NewStart);
            writer.WriteNumber("new_length", hunk.NewLength);
            writer.WriteStartArray("lines");
            foreach (var line in hunk.Lines)
            {
                writer.WriteStringValue((line.Kind switch { LineChange.Added => "+", LineChange.Removed => "-", _ => " " }) + line.Text);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
