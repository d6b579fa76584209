using System.Globalization;
using System.Text.Json;
using Verso.Errors;
using Verso.Pointers;

namespace Verso.Agents.Validation;

/// <summary>
/// Checks a JSON value against a <see cref="ValueSpec"/>, descending into objects and arrays and
/// collecting every problem with its RFC 6901 path instead of stopping at the first.
/// </summary>
public static class SchemaWalker
{
    /// <summary>Every way <paramref name="value"/> breaks <paramref name="spec"/>, with paths under <paramref name="path"/>.</summary>
    public static IReadOnlyList<RecordProblem> Check(JsonElement value, ValueSpec spec, string path = JsonPointer.Root)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(path);
        var problems = new List<RecordProblem>();
        Walk(value, spec, path, problems);
        return problems;
    }

    private static void Walk(JsonElement value, ValueSpec spec, string path, List<RecordProblem> problems)
    {
        if (!HasKind(value, spec.Kind))
        {
            problems.Add(new RecordProblem(path, $"expected {Describe(spec.Kind)}, found {Describe(value)}"));
            return;
        }

        switch (spec.Kind)
        {
            case JsonKind.String:
                CheckString(value.GetString()!, spec, path, problems);
                break;
            case JsonKind.Number:
            case JsonKind.Integer:
                CheckRange(value.GetDouble(), spec, path, problems);
                break;
            case JsonKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, spec.Items!, JsonPointer.Append(path, index++), problems);
                }

                break;
            case JsonKind.Object:
                CheckObject(value, spec, path, problems);
                break;
        }
    }

    private static void CheckObject(JsonElement value, ValueSpec spec, string path, List<RecordProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in value.EnumerateObject())
        {
            var memberPath = JsonPointer.Append(path, member.Name);
            if (!seen.Add(member.Name))
            {
                problems.Add(new RecordProblem(memberPath, $"field '{member.Name}' appears more than once"));
                continue;
            }

            if (spec.MapValues is { } mapValues)
            {
                Walk(member.Value, mapValues, memberPath, problems);
            }
            else if (spec.Shape is { } shape)
            {
                if (shape.Find(member.Name) is { } field)
                {
                    Walk(member.Value, field.Value, memberPath, problems);
                }
                else
                {
                    problems.Add(new RecordProblem(memberPath, $"unknown field '{member.Name}'"));
                }
            }
        }

        if (spec.Shape is { } declared)
        {
            foreach (var field in declared.Fields.Where(f => f.IsRequired && !seen.Contains(f.Name)))
            {
                problems.Add(new RecordProblem(JsonPointer.Append(path, field.Name), $"required field '{field.Name}' is missing"));
            }
        }
    }

    private static void CheckString(string text, ValueSpec spec, string path, List<RecordProblem> problems)
    {
        if (!spec.AllowedValues.IsEmpty && !spec.AllowedValues.Contains(text, StringComparer.Ordinal))
        {
            problems.Add(new RecordProblem(path, $"'{text}' is not one of: {string.Join(", ", spec.AllowedValues)}"));
        }

        if (spec.Format is { } format && !format.IsValid(text))
        {
            problems.Add(new RecordProblem(path, $"'{text}' must be {format.Description}"));
        }
    }

    private static void CheckRange(double number, ValueSpec spec, string path, List<RecordProblem> problems)
    {
        var tooSmall = spec.Minimum is { } min && number < min;
        var tooLarge = spec.Maximum is { } max && number > max;
        if (!tooSmall && !tooLarge)
        {
            return;
        }

        var shown = number.ToString("R", CultureInfo.InvariantCulture);
        var rule = (spec.Minimum, spec.Maximum) switch
        {
            ({ } lo, { } hi) => $"between {Format(lo)} and {Format(hi)}",
            ({ } lo, null) => $"at least {Format(lo)}",
            (null, { } hi) => $"at most {Format(hi)}",
            _ => "in range",
        };
        problems.Add(new RecordProblem(path, $"{shown} is out of range: must be {rule}"));
    }

    private static bool HasKind(JsonElement value, JsonKind kind) => kind switch
    {
        JsonKind.String => value.ValueKind == JsonValueKind.String,
        JsonKind.Number => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d),
        JsonKind.Integer => value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var i)
            && double.IsFinite(i) && Math.Floor(i) == i && i is >= int.MinValue and <= int.MaxValue,
        JsonKind.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        JsonKind.Object => value.ValueKind == JsonValueKind.Object,
        JsonKind.Array => value.ValueKind == JsonValueKind.Array,
        _ => false,
    };

    private static string Describe(JsonKind kind) => kind switch
    {
        JsonKind.String => "a string",
        JsonKind.Number => "a number",
        JsonKind.Integer => "a whole number (32-bit)",
        JsonKind.Boolean => "true or false",
        JsonKind.Object => "an object",
        _ => "an array",
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.Null => "null (leave an optional field out instead)",
        _ => "nothing",
    };

    private static string Format(double number) => number.ToString("R", CultureInfo.InvariantCulture);
}
