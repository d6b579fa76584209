using System.Text.Json;
using Verso.Blame;
using Verso.Naming;

namespace Verso.Json;

/// <summary>The JSON shape of a blame: each leaf value (and each line of prose) with the version that last changed it.</summary>
public static class BlameJson
{
    /// <summary>Writes the entries as one array.</summary>
    public static void Write(Utf8JsonWriter writer, IEnumerable<BlameEntry> blame)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(blame);
        writer.WriteStartArray();
        foreach (var entry in blame)
        {
            writer.WriteStartObject();
            writer.WriteString("path", entry.Path);
            ChangeJson.WriteValue(writer, "value", entry.Value);
            WriteOrigin(writer, entry.Origin);
            if (!entry.Lines.IsEmpty)
            {
                writer.WriteStartArray("lines");
                foreach (var line in entry.Lines)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("number", line.Number);
                    writer.WriteString("text", line.Text);
                    WriteOrigin(writer, line.Origin);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOrigin(Utf8JsonWriter writer, BlameOrigin origin)
    {
        writer.WriteNumber("version", origin.Version);
        writer.WriteString("saved_by", origin.SavedBy);
        writer.WriteString("saved_at", Timestamp.Format(origin.SavedAt));
    }
}
