using System.Text.Json;
using Verso.Agents.Identity;
using Verso.Agents.Validation;
using Verso.Errors;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape and invariants of a <c>tool-policy</c> record.</summary>
internal static class ToolPolicySchema
{
    public static ObjectShape Shape { get; } = new(
        Required("id", String(StringFormat.EntityId)),
        Required("name", NonBlankString()),
        Optional("description", String()),
        Optional("default_access_level", EnumOf<AccessLevel>()),
        Required("access_levels", ArrayOf(Object(new ObjectShape(
            Required("level", EnumOf<AccessLevel>()),
            Optional("description", String()),
            Optional("allowed", StringArray()),
            Optional("denied", StringArray()),
            Optional("requires_approval", StringArray()),
            Optional("sub_constraints", OpenObject()))))),
        Optional("definitions", ArrayOf(Object(ToolSchema.Shape))),
        Optional("uses", ArrayOf(String(ToolSchema.ToolRef))));

    public static RecordValidator Validator { get; } = new(
        Shape,
        [Invariants.UniqueKeys("level", "access_levels"), TiersAreConsistent, DefaultLevelIsDescribed, .. ToolSchema.Declared()]);

    private static IEnumerable<RecordProblem> TiersAreConsistent(JsonElement record)
    {
        foreach (var (index, tier) in JsonRead.Items(record, ["access_levels"]))
        {
            var allowed = Strings(tier, "allowed").Select(s => s.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var (at, tool) in Strings(tier, "denied").Where(s => allowed.Contains(s.Value)))
            {
                yield return new RecordProblem($"/access_levels/{index}/denied/{at}", $"'{tool}' is both allowed and denied");
            }

            // Approval gates a use the level allows; gating a tool it does not allow would be dead text.
            foreach (var (at, tool) in Strings(tier, "requires_approval").Where(s => !allowed.Contains(s.Value)))
            {
                yield return new RecordProblem($"/access_levels/{index}/requires_approval/{at}", $"'{tool}' needs approval but is not allowed");
            }

            foreach (var name in (string[])["allowed", "denied", "requires_approval"])
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (at, tool) in Strings(tier, name).Where(s => !seen.Add(s.Value)))
                {
                    yield return new RecordProblem($"/access_levels/{index}/{name}/{at}", $"'{tool}' is listed twice");
                }
            }
        }
    }

    private static IEnumerable<RecordProblem> DefaultLevelIsDescribed(JsonElement record)
    {
        var level = JsonRead.String(record, "default_access_level");
        if (level is not null
            && JsonRead.At(record, ["access_levels"]) is { ValueKind: JsonValueKind.Array }
            && !JsonRead.Items(record, ["access_levels"]).Any(t => JsonRead.String(t.Item, "level") == level))
        {
            yield return new RecordProblem("/default_access_level", $"level '{level}' has no entry in access_levels");
        }
    }

    private static IEnumerable<(int Index, string Value)> Strings(JsonElement tier, string member) =>
        JsonRead.Items(tier, [member]).Where(i => i.Item.ValueKind == JsonValueKind.String).Select(i => (i.Index, i.Item.GetString()!));
}
