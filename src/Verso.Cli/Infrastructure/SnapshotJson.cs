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
        if (snapshot.Message is null)
        {
            writer.WriteNull("message");
        }
        else
        {
            writer.WriteString("message", snapshot.Message);
        }

        writer.WriteString("operation", snapshot.Operation.ToName());
        writer.WriteNumber("schema_version", snapshot.SchemaVersion);
        if (snapshot.RevertOf is { } revertOf)
        {
            writer.WriteNumber("revert_of", revertOf);
        }
    }

    public static void WriteWithContent(Utf8JsonWriter writer, Snapshot snapshot)
    {
        writer.WriteStartObject();
        WriteMetadata(writer, snapshot);
        writer.WritePropertyName("content");
        writer.WriteRawValue(snapshot.Content.Span, skipInputValidation: true);
        writer.WriteEndObject();
    }
}
