using System.Text.Json;
using Verso.Integrity;

namespace Verso.Json;

/// <summary>The JSON shape of a verification: <c>{intact, entities, versions, storage_problems: [text], problems: [{ref, reason}]}</c>.</summary>
public static class IntegrityJson
{
    /// <summary>Writes the report as one object.</summary>
    public static void Write(Utf8JsonWriter writer, IntegrityReport report)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(report);
        writer.WriteStartObject();
        writer.WriteBoolean("intact", report.IsIntact);
        writer.WriteNumber("entities", report.Entities);
        writer.WriteNumber("versions", report.Versions);
        // What the database itself reports (a damaged page, say), apart from the versions it names.
        writer.WriteStartArray("storage_problems");
        foreach (var problem in report.StorageProblems)
        {
            writer.WriteStringValue(problem);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("problems");
        foreach (var problem in report.Problems)
        {
            writer.WriteStartObject();
            writer.WriteString("ref", problem.Ref.ToString());
            writer.WriteString("reason", problem.Reason);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
