using System.Text.Json;
using Verso.Naming;
using Verso.Replay;
using Verso.Snapshots;

namespace Verso.Json;

/// <summary>The JSON shapes of replay questions: a compatibility verdict, and the versions that pin a version.</summary>
public static class ReplayJson
{
    /// <summary>
    /// Writes <c>{verdict, differences, cosmetic, tool_changes}</c>; each tool change is
    /// <c>{tool, source, path, direction, kind, level, message}</c>, direction <c>input</c>, <c>output</c> or <c>tool</c>.
    /// </summary>
    public static void WriteVerdict(Utf8JsonWriter writer, ReplayVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(verdict);
        writer.WriteStartObject();
        writer.WriteString("verdict", verdict.Verdict.ToString().ToLowerInvariant());
        writer.WritePropertyName("differences");
        ChangeJson.WriteChanges(writer, verdict.Differences);
        writer.WritePropertyName("cosmetic");
        ChangeJson.WriteChanges(writer, verdict.Cosmetic);
        writer.WriteStartArray("tool_changes");
        foreach (var change in verdict.ToolChanges)
        {
            writer.WriteStartObject();
            writer.WriteString("tool", change.Tool);
            writer.WriteString("source", change.Source);
            writer.WriteString("path", change.Path);
            writer.WriteString("direction", change.Direction?.ToString().ToLowerInvariant() ?? "tool");
            writer.WriteString("kind", change.Kind);
            writer.WriteString("level", change.Level.ToString().ToLowerInvariant());
            writer.WriteString("message", change.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{ref, hash, referred_by: ["kind/id@N", …]}</c>.</summary>
    public static void WriteReferrers(Utf8JsonWriter writer, Snapshot target, IEnumerable<VersionRef> referrers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(referrers);
        writer.WriteStartObject();
        writer.WriteString("ref", target.Ref.ToString());
        writer.WriteString("hash", target.Hash.ToString());
        writer.WriteStartArray("referred_by");
        foreach (var referrer in referrers)
        {
            writer.WriteStringValue(referrer.ToString());
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
