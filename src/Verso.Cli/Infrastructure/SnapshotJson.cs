using System.Text.Json;
using Verso.Snapshots;

namespace Verso.Cli.Infrastructure;

/// <summary>The JSON shape of a version, shared by every command that prints one.</summary>
internal static class SnapshotJson
{
    public static void WriteMetadata(Utf8JsonWriter writer, Snapshot snapshot)
    {
        writer.WriteString("ref", snapshot.Ref.ToString());
        writer.WriteString("kind", snapshot.Key.Kind);
        writer.WriteString("id", snapshot.Key.Id);
        writer.WriteNumber("version", snapshot.Version);
        writer.WriteString("hash", snapshot.Hash.ToString());
        writer.WriteString("saved_by", snapshot.SavedBy);
        writer.WriteString("saved_at", Timestamps.ForJson(snapshot.SavedAt));
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
            writer.WriteString("at", Timestamps.ForJson(removal.RemovedAt));
            WriteStringOrNull(writer, "reason", removal.Reason);

            writer.WriteEndObject();
        }
    }

    public static void WriteWithContent(Utf8JsonWriter writer, Snapshot snapshot)
    {
        writer.WriteStartObject();
        WriteMetadata(writer, snapshot);
        WriteContent(writer, snapshot);
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>"content"</c>: the record, or null when it was pruned or erased.</summary>
    public static void WriteContent(Utf8JsonWriter writer, Snapshot snapshot)
    {
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
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
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
