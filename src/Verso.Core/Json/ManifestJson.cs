using System.Text.Json;
using Verso.History;
using Verso.Naming;

namespace Verso.Json;

/// <summary>The JSON shape of a manifest: <c>{at?, root, entries: [{ref, kind, id, version, hash}]}</c>.</summary>
public static class ManifestJson
{
    /// <summary>Writes the manifest as one object.</summary>
    public static void Write(Utf8JsonWriter writer, Manifest manifest)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(manifest);
        writer.WriteStartObject();
        if (manifest.At is { } when)
        {
            writer.WriteString("at", Timestamp.Format(when));
        }

        writer.WriteString("root", manifest.Root.ToString());
        writer.WriteStartArray("entries");
        foreach (var entry in manifest.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("ref", VersionRef.ForVersion(entry.Key, entry.Version).ToString());
            writer.WriteString("kind", entry.Key.Kind);
            writer.WriteString("id", entry.Key.Id);
            writer.WriteNumber("version", entry.Version);
            writer.WriteString("hash", entry.Hash.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
