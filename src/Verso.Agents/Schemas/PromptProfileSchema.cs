using Verso.Agents.Organization;
using Verso.Agents.Validation;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape and invariants of a <c>prompt-profile</c> record.</summary>
internal static class PromptProfileSchema
{
    public static ObjectShape Shape { get; } = new(
        Required("id", String(StringFormat.EntityId)),
        Required("name", NonBlankString()),
        Optional("description", String()),
        Optional("tone", String()),
        Optional("verbosity", EnumOf<Verbosity>()),
        Optional("language", NonBlankString()),
        Optional("system_preamble", String()),
        Optional("guidelines", StringArray()),
        Optional("forbidden_phrases", StringArray()),
        Optional("examples", ArrayOf(Object(new ObjectShape(
            Required("id", NonBlankString()),
            Required("input", String()),
            Required("output", String()))))),
        Optional("temperature", Number().Between(0, 2)),
        Optional("max_response_tokens", Integer().AtLeast(1)));

    public static RecordValidator Validator { get; } = new(
        Shape,
        Invariants.UniqueKeys("id", "examples"),
        Invariants.DistinctStrings("forbidden_phrases"));
}
