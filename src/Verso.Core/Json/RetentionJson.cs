using System.Text.Json;
using Verso.Retention;

namespace Verso.Json;

/// <summary>The JSON shapes of prune (<c>{dry_run, versions, entities: [{entity, versions}]}</c>) and erase (<c>{entity, versions, tombstone}</c>).</summary>
public static class RetentionJson
{
    /// <summary>Writes what a prune did (or would do).</summary>
    public static void WritePrune(Utf8JsonWriter writer, IReadOnlyCollection<ContentRemovalResult> results, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);
        writer.WriteStartObject();
        writer.WriteBoolean("dry_run", dryRun);
        writer.WriteNumber("versions", results.Sum(r => r.Versions.Length));
        writer.WriteStartArray("entities");
        foreach (var result in results.Where(r => !r.Versions.IsEmpty))
        {
            writer.WriteStartObject();
            writer.WriteString("entity", result.Key.ToString());
            WriteVersions(writer, result);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes what an erase did.</summary>
    public static void WriteErasure(Utf8JsonWriter writer, ErasureResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("entity", result.Erased.Key.ToString());
        WriteVersions(writer, result.Erased);
        if (result.Tombstone is { } tombstone)
        {
            writer.WriteString("tombstone", tombstone.Ref.ToString());
        }
        else
        {
            writer.WriteNull("tombstone");
        }

        writer.WriteEndObject();
    }

    private static void WriteVersions(Utf8JsonWriter writer, ContentRemovalResult result)
    {
        writer.WriteStartArray("versions");
        foreach (var version in result.Versions)
        {
            writer.WriteNumberValue(version);
        }

        writer.WriteEndArray();
    }
}
