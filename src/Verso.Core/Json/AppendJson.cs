using System.Text.Json;
using Verso.Storage;

namespace Verso.Json;

/// <summary>The JSON shape of what a save or a rollback did: <c>status</c> (created or unchanged) and the head.</summary>
public static class AppendJson
{
    /// <summary>The status word of an outcome: <c>created</c> or <c>unchanged</c>.</summary>
    public static string Status(AppendOutcome outcome) => outcome == AppendOutcome.Created ? "created" : "unchanged";

    /// <summary>Writes <c>{status, ref, kind, id, version, hash}</c>, plus <c>revert_of</c> when given.</summary>
    public static void Write(Utf8JsonWriter writer, AppendResult result, int? revertOf = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        var head = result.Head;
        writer.WriteStartObject();
        writer.WriteString("status", Status(result.Outcome));
        writer.WriteString("ref", head.Ref.ToString());
        writer.WriteString("kind", head.Key.Kind);
        writer.WriteString("id", head.Key.Id);
        writer.WriteNumber("version", head.Version);
        writer.WriteString("hash", head.Hash.ToString());
        if (revertOf is { } version)
        {
            writer.WriteNumber("revert_of", version);
        }

        writer.WriteEndObject();
    }
}
