using System.Text.Json;
using Verso.Naming;
using Verso.Rollouts;

namespace Verso.Json;

/// <summary>
/// The JSON shapes of a rollout and of a resolution, shared by the API, <c>verso --json</c> and the MCP
/// <c>resolve</c> tool so every face reports the same bucket and the same fields.
/// </summary>
public static class RolloutJson
{
    /// <summary>
    /// Writes a rollout: its record (<c>entity</c>, <c>label</c>, <c>state</c>, <c>control</c>, <c>candidates</c> with
    /// <c>version</c>, <c>weight</c> and <c>ranges</c>, <c>salt</c>, <c>bucket_by</c>, <c>steps</c>, <c>advance_on</c>,
    /// <c>reason</c>) and <c>version</c>, <c>changed_by</c>, <c>changed_at</c> of the rollout record.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Rollout rollout)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rollout);
        writer.WriteStartObject();
        writer.WriteString("entity", rollout.Entity.ToString());
        writer.WriteString("label", rollout.Label);
        writer.WriteString("state", rollout.State.ToString().ToLowerInvariant());
        writer.WriteNumber("version", rollout.Version);
        writer.WriteNumber("control", rollout.Control);
        writer.WriteNumber("control_weight", RolloutBuckets.Count - rollout.Candidates.Sum(c => c.Weight));
        writer.WriteStartArray("candidates");
        foreach (var candidate in rollout.Candidates)
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", candidate.Version);
            writer.WriteNumber("weight", candidate.Weight);
            writer.WriteStartArray("ranges");
            foreach (var range in candidate.Ranges)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(range.Start);
                writer.WriteNumberValue(range.End);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("salt", rollout.Salt);
        WriteOptional(writer, "bucket_by", rollout.BucketBy);
        writer.WriteStartArray("steps");
        foreach (var step in rollout.Steps)
        {
            writer.WriteNumberValue(step);
        }

        writer.WriteEndArray();
        WriteOptional(writer, "advance_on", rollout.AdvanceOn);
        WriteOptional(writer, "reason", rollout.Reason);
        WriteOptional(writer, "changed_by", rollout.ChangedBy);
        if (rollout.ChangedAt is { } at)
        {
            writer.WriteString("changed_at", Timestamp.Format(at));
        }

        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a resolution: <c>ref</c>, <c>kind</c>, <c>id</c>, <c>version</c>, <c>hash</c> (what to pin), <c>variant</c>
    /// (control, candidate, tag or head), and <c>label</c>, <c>subject</c>, <c>bucket</c>, <c>rollout_version</c> (null
    /// when they do not apply).
    /// </summary>
    public static void WriteResolution(Utf8JsonWriter writer, RolloutResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(resolution);
        writer.WriteStartObject();
        WriteResolutionMembers(writer, resolution);
        writer.WriteEndObject();
    }

    /// <summary>The members of <see cref="WriteResolution"/>, for an object the caller opened.</summary>
    public static void WriteResolutionMembers(Utf8JsonWriter writer, RolloutResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(resolution);
        var version = resolution.Version;
        writer.WriteString("ref", version.Ref.ToString());
        writer.WriteString("kind", version.Key.Kind);
        writer.WriteString("id", version.Key.Id);
        writer.WriteNumber("version", version.Version);
        writer.WriteString("hash", version.Hash.ToString());
        writer.WriteString("variant", resolution.Variant);
        WriteOptional(writer, "label", resolution.Label, writeNull: true);
        WriteOptional(writer, "subject", resolution.Subject, writeNull: true);
        WriteNumberOrNull(writer, "bucket", resolution.Bucket);
        WriteNumberOrNull(writer, "rollout_version", resolution.RolloutVersion);
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value, bool writeNull = false)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
        else if (writeNull)
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
