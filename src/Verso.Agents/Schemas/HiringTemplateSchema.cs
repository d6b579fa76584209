using Verso.Agents.Identity;
using Verso.Agents.Validation;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape and invariants of a <c>hiring-template</c> record.</summary>
internal static class HiringTemplateSchema
{
    public static ObjectShape Shape { get; } = new(
        Required("id", String(StringFormat.EntityId)),
        Required("name", NonBlankString()),
        Optional("description", String()),
        Required("role", String(StringFormat.EntityId)),
        Optional("department", String()),
        Optional("level", EnumOf<SeniorityLevel>()),
        Optional("personality", ProfileShapes.Personality),
        Optional("skills", ProfileShapes.Skills),
        Optional("model", ProfileShapes.Model),
        Optional("memory", ProfileShapes.Memory),
        Optional("tools", ProfileShapes.Tools),
        Optional("authority", ProfileShapes.Authority),
        Optional("autonomy_level", EnumOf<AutonomyLevel>()),
        Optional("charter_template", String()),
        Optional("requires_approval", Boolean()));

    public static RecordValidator Validator { get; } = new(Shape, ProfileShapes.Invariants);
}
