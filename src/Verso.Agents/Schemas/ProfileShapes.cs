using System.Text.Json;
using Verso.Agents.Identity;
using Verso.Agents.Validation;
using Verso.Errors;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The parts an agent and a hiring template share: personality, skills, model, memory, tools, authority.</summary>
internal static class ProfileShapes
{
    public static ValueSpec Personality { get; } = Object(new ObjectShape(
        Optional("traits", StringArray()),
        Optional("communication_style", String()),
        Optional("risk_tolerance", EnumOf<Intensity>()),
        Optional("creativity", EnumOf<Intensity>()),
        Optional("ocean", Object(new ObjectShape(
            Required("openness", Number().Between(0, 1)),
            Required("conscientiousness", Number().Between(0, 1)),
            Required("extraversion", Number().Between(0, 1)),
            Required("agreeableness", Number().Between(0, 1)),
            Required("neuroticism", Number().Between(0, 1)))))));

    public static ValueSpec Skills { get; } = Object(new ObjectShape(
        Optional("primary", ArrayOf(Skill)),
        Optional("secondary", ArrayOf(Skill))));

    public static ValueSpec Model { get; } = Object(new ObjectShape(
        Required("provider", NonBlankString()),
        Required("model_id", NonBlankString()),
        Optional("temperature", Number().Between(0, 2)),
        Optional("max_tokens", Integer().AtLeast(1)),
        Optional("fallback", NonBlankString())));

    public static ValueSpec Memory { get; } = Object(new ObjectShape(
        Required("type", EnumOf<MemoryType>()),
        Optional("retention_days", Integer().AtLeast(0))));

    public static ValueSpec Tools { get; } = Object(new ObjectShape(
        Optional("access_level", EnumOf<AccessLevel>()),
        Optional("allowed", StringArray()),
        Optional("denied", StringArray()),
        Optional("sub_constraints", OpenObject()),
        Optional("definitions", ArrayOf(Object(ToolSchema.Shape))),
        Optional("uses", ArrayOf(String(ToolSchema.ToolRef)))));

    public static ValueSpec Authority { get; } = Object(new ObjectShape(
        Optional("reports_to", String(StringFormat.EntityId)),
        Optional("direct_reports", ArrayOf(String(StringFormat.EntityId))),
        Optional("can_approve", StringArray()),
        Optional("can_delegate_to", ArrayOf(String(StringFormat.EntityId))),
        Optional("budget_limit", Number().AtLeast(0))));

    /// <summary>The arrays a profile treats as sets, as member paths.</summary>
    public static IReadOnlyList<string[]> SetPaths { get; } =
    [
        ["personality", "traits"],
        ["tools", "allowed"],
        ["tools", "denied"],
        ["authority", "direct_reports"],
        ["authority", "can_approve"],
        ["authority", "can_delegate_to"],
    ];

    /// <summary>Skill ids unique per list, sets without repeats, no tool both allowed and denied.</summary>
    public static IEnumerable<Func<JsonElement, IEnumerable<RecordProblem>>> Invariants { get; } =
    [
        Validation.Invariants.UniqueKeys("id", "skills", "primary"),
        Validation.Invariants.UniqueKeys("id", "skills", "secondary"),
        .. SetPaths.Select(path => Validation.Invariants.DistinctStrings(path)),
        Validation.Invariants.Disjoint(["tools", "allowed"], ["tools", "denied"], "both allowed and denied"),
        .. ToolSchema.Declared("tools"),
    ];

    private static ValueSpec Skill => Object(new ObjectShape(
        Required("id", NonBlankString()),
        Optional("name", String()),
        Optional("level", EnumOf<SkillLevel>())));
}
