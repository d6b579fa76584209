using System.Text.Json;
using Verso.Naming;
using Verso.Snapshots;
using Verso.Storage;

namespace Verso.Json;

/// <summary>The JSON shape of one entry of the change log: <c>{seq, ref, kind, id, version, hash, saved_by, saved_at, operation}</c>.</summary>
public static class ChangeEntryJson
{
    /// <summary>Writes the entry as one object.</summary>
    public static void Write(Utf8JsonWriter writer, ChangeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        writer.WriteStartObject();
        writer.WriteNumber("seq", entry.Sequence);
        writer.WriteString("ref", entry.Ref.ToString());
        writer.WriteString("kind", entry.Ref.Key.Kind);
        writer.WriteString("id", entry.Ref.Key.Id);
        writer.WriteNumber("version", entry.Ref.Version);
        writer.WriteString("hash", entry.Hash.ToString());
        writer.WriteString("saved_by", entry.SavedBy);
        writer.WriteString("saved_at", Timestamp.Format(entry.SavedAt));
        writer.WriteString("operation", entry.Operation.ToName());
        writer.WriteEndObject();
    }
}
