using Verso.Agents.Validation;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape and invariants of a <c>role</c> record.</summary>
internal static class RoleSchema
{
    public static ObjectShape Shape { get; } = new(
        Required("id", String(StringFormat.EntityId)),
        Required("name", NonBlankString()),
        Optional("description", String()),
        Optional("department", String()),
        Optional("skills", StringArray()),
        Optional("system_prompt_template", String()));

    public static RecordValidator Validator { get; } = new(Shape, Invariants.DistinctStrings("skills"));
}
