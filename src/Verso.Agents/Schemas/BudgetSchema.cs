using System.Text.Json;
using Verso.Agents.Organization;
using Verso.Agents.Validation;
using Verso.Errors;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape and invariants of a <c>budget</c> record.</summary>
internal static class BudgetSchema
{
    public static ObjectShape Shape { get; } = new(
        Required("id", String(StringFormat.EntityId)),
        Optional("name", String()),
        Optional("description", String()),
        Optional("currency", String(StringFormat.CurrencyCode)),
        Required("policies", ArrayOf(Object(new ObjectShape(
            Required("id", NonBlankString()),
            Required("scope", EnumOf<BudgetScope>()),
            Optional("target", NonBlankString()),
            Required("limit", Number().AtLeast(0)),
            Required("period", EnumOf<BudgetPeriod>()),
            Optional("alert_at", Number().Between(0, 1)),
            Optional("on_exceed", EnumOf<OverspendAction>()))))));

    public static RecordValidator Validator { get; } = new(Shape, Invariants.UniqueKeys("id", "policies"), TargetsMatchScopes);

    private static IEnumerable<RecordProblem> TargetsMatchScopes(JsonElement record)
    {
        foreach (var (index, policy) in JsonRead.Items(record, ["policies"]))
        {
            var scope = JsonRead.String(policy, "scope");
            var hasTarget = policy.ValueKind == JsonValueKind.Object && policy.TryGetProperty("target", out _);
            if (scope is "department" or "agent" && !hasTarget)
            {
                yield return new RecordProblem($"/policies/{index}/target", $"a {scope} policy needs the {scope} id it limits");
            }
            else if (scope == "company" && hasTarget)
            {
                yield return new RecordProblem($"/policies/{index}/target", "a company policy limits the whole company and takes no target");
            }
        }
    }
}
