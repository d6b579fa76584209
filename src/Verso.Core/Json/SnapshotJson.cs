using System.Text.Json;
using Verso.Naming;
using Verso.Snapshots;

namespace Verso.Json;

/// <summary>The JSON shape of a version, shared by the CLI's <c>--json</c> output and the REST API.</summary>
public static class SnapshotJson
{
    /// <summary>Writes a version's metadata as properties of the object being written (no content).</summary>
    public static void WriteMetadata(Utf8JsonWriter writer, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        writer.WriteString("ref", snapshot.Ref.ToString());
        writer.WriteString("kind", snapshot.Key.Kind);
        writer.WriteString("id", snapshot.Key.Id);
        writer.WriteNumber("version", snapshot.Version);
        writer.WriteString("hash", snapshot.Hash.ToString());
        writer.WriteString("saved_by", snapshot.SavedBy);
        writer.WriteString("saved_at", Timestamp.Format(snapshot.SavedAt));
        WriteStringOrNull(writer, "message", snapshot.Message);

        writer.WriteString("operation", snapshot.Operation.ToName());
        writer.WriteNumber("schema_version", snapshot.SchemaVersion);
        if (snapshot.RevertOf is { } revertOf)
        {
            writer.WriteNumber("revert_of", revertOf);
        }

        if (snapshot.Source is { } source)
        {
            writer.WritePropertyName("source");
            source.WriteTo(writer);
        }

        if (snapshot.Removal is { } removal)
        {
            writer.WriteStartObject("removed");
            writer.WriteString("kind", removal.Verb);
            writer.WriteString("by", removal.RemovedBy);
            writer.WriteString("at", Timestamp.Format(removal.RemovedAt));
            WriteStringOrNull(writer, "reason", removal.Reason);

            writer.WriteEndObject();
        }
    }

    /// <summary>Writes a version as one object: its metadata and <c>content</c> (null when pruned or erased).</summary>
    public static void WriteWithContent(Utf8JsonWriter writer, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        writer.WriteStartObject();
        WriteMetadata(writer, snapshot);
        writer.WritePropertyName("content");
        if (snapshot.HasContent)
        {
            writer.WriteRawValue(snapshot.Content.Span, skipInputValidation: true);
        }
        else
        {
            // The "removed" object above says by whom, when and why.
            writer.WriteNullValue();
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes a version's metadata as one object.</summary>
    public static void WriteMetadataObject(Utf8JsonWriter writer, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteMetadata(writer, snapshot);
        writer.WriteEndObject();
    }

    internal static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
