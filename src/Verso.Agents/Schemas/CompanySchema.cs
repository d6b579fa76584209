using System.Globalization;
using System.Text.Json;
using Verso.Agents.Identity;
using Verso.Agents.Validation;
using Verso.Errors;
using Verso.Documents.Pointers;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape and invariants of a <c>company</c> record.</summary>
internal static class CompanySchema
{
    // Weights are written with a few decimals; a sum within this of 1 is 1.
    private const double WeightTolerance = 1e-6;

    public static ObjectShape Shape { get; } = new(
        Required("id", String(StringFormat.EntityId)),
        Required("name", NonBlankString()),
        Optional("description", String()),
        Optional("mission", String()),
        Optional("departments", ArrayOf(Object(new ObjectShape(
            Required("id", String(StringFormat.EntityId)),
            Required("name", NonBlankString()),
            Optional("head", String(StringFormat.EntityId)),
            Optional("description", String()))))),
        Optional("autonomy_defaults", Object(new ObjectShape(
            Optional("default_level", EnumOf<AutonomyLevel>()),
            Optional("by_department", MapOf(EnumOf<AutonomyLevel>()))))),
        Optional("quality_scoring_weights", MapOf(Number().Between(0, 1))));

    public static RecordValidator Validator { get; } = new(
        Shape,
        Invariants.UniqueKeys("id", "departments"),
        DefaultsNameKnownDepartments,
        WeightsSumToOne);

    private static IEnumerable<RecordProblem> DefaultsNameKnownDepartments(JsonElement record)
    {
        if (JsonRead.At(record, ["departments"]) is not { ValueKind: JsonValueKind.Array }
            || JsonRead.At(record, ["autonomy_defaults", "by_department"]) is not { ValueKind: JsonValueKind.Object } byDepartment)
        {
            yield break;
        }

        var known = JsonRead.Items(record, ["departments"])
            .Select(d => JsonRead.String(d.Item, "id"))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var member in byDepartment.EnumerateObject().Where(m => !known.Contains(m.Name)))
        {
            yield return new RecordProblem(
                JsonPointer.Append("/autonomy_defaults/by_department", member.Name),
                $"department '{member.Name}' is not one of the company's departments");
        }
    }

    private static IEnumerable<RecordProblem> WeightsSumToOne(JsonElement record)
    {
        if (JsonRead.At(record, ["quality_scoring_weights"]) is not { ValueKind: JsonValueKind.Object } weights)
        {
            yield break;
        }

        var numbers = weights.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Number).Select(m => m.Value.GetDouble()).ToList();
        var sum = numbers.Sum();
        if (numbers.Count > 0 && Math.Abs(sum - 1) > WeightTolerance)
        {
            yield return new RecordProblem(
                "/quality_scoring_weights",
                $"weights must sum to 1, they sum to {Math.Round(sum, 6).ToString(CultureInfo.InvariantCulture)}");
        }
    }
}
