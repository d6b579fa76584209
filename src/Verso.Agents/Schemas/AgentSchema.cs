using System.Text.Json;
using Verso.Agents.Identity;
using Verso.Agents.Validation;
using Verso.Errors;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape and invariants of an <c>agent</c> record.</summary>
internal static class AgentSchema
{
    public static ObjectShape Shape { get; } = new(
        Required("id", String(StringFormat.EntityId)),
        Required("name", NonBlankString()),
        Required("role", String(StringFormat.EntityId)),
        Optional("department", String()),
        Optional("level", EnumOf<SeniorityLevel>()),
        Optional("description", String()),
        Optional("personality", ProfileShapes.Personality),
        Optional("skills", ProfileShapes.Skills),
        Optional("model", ProfileShapes.Model),
        Optional("memory", ProfileShapes.Memory),
        Optional("tools", ProfileShapes.Tools),
        Optional("authority", ProfileShapes.Authority),
        Optional("autonomy_level", EnumOf<AutonomyLevel>()),
        Optional("status", EnumOf<AgentStatus>()),
        Optional("hiring_date", String(StringFormat.UtcTimestamp)),
        Optional("charter", String()),
        Optional("version", String(StringFormat.SemVer)));

    public static RecordValidator Validator { get; } = new(Shape, [.. ProfileShapes.Invariants, NotOwnManager]);

    private static IEnumerable<RecordProblem> NotOwnManager(JsonElement record)
    {
        var id = JsonRead.String(record, "id");
        if (id is not null && JsonRead.At(record, ["authority"]) is { } authority && JsonRead.String(authority, "reports_to") == id)
        {
            yield return new RecordProblem("/authority/reports_to", $"agent '{id}' cannot report to itself");
        }
    }
}
