using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
using Verso.Errors;
using Verso.Documents.Pointers;

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
        var problems = new List<RecordProblem>();
        CheckInto(value, spec, path, problems);
        return problems;
    }

    /// <summary>Adds every way <paramref name="value"/> breaks <paramref name="spec"/> to <paramref name="problems"/>.</summary>
    internal static void CheckInto(JsonElement value, ValueSpec spec, string path, List<RecordProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(path);
        new Walker(path, problems).Walk(value, spec);
    }

    /// <summary>
    /// One walk. The route to the value being checked is kept as steps and turned into a pointer only
    /// when a problem is found, since most values have none.
    /// </summary>
    private sealed class Walker(string root, List<RecordProblem> problems)
    {
        private readonly List<Step> _route = [];

        public void Walk(JsonElement value, ValueSpec spec)
        {
            if (!HasKind(value, spec.Kind))
            {
                Add($"expected {Describe(spec.Kind)}, found {Describe(value)}");
                return;
            }

            switch (spec.Kind)
            {
                case JsonKind.String:
                    // Reading the string allocates it (a charter is kilobytes): only when a rule needs it.
                    if (!spec.AllowedValues.IsEmpty || spec.Format is not null)
                    {
                        CheckString(value.GetString()!, spec, this);
                    }

                    break;
                case JsonKind.Number:
                case JsonKind.Integer:
                    CheckRange(value.GetDouble(), spec, this);
                    break;
                case JsonKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        _route.Add(Step.Item(index++));
                        Walk(item, spec.Items!);
                        _route.RemoveAt(_route.Count - 1);
                    }

                    break;
                case JsonKind.Object:
                    if (spec.Shape is { } shape)
                    {
                        CheckShape(value, shape);
                    }
                    else
                    {
                        CheckOtherObject(value, spec.MapValues);
                    }

                    break;
            }
        }

        public void Add(string message) => problems.Add(new RecordProblem(Pointer(), message));

        private void AddAt(string member, string message)
        {
            _route.Add(Step.Member(member));
            Add(message);
            _route.RemoveAt(_route.Count - 1);
        }

        // Declared fields are found by span and marked by index, so no name is allocated and no set is built.
        private void CheckShape(JsonElement value, ObjectShape shape)
        {
            Span<bool> seen = shape.Fields.Length <= 128 ? stackalloc bool[shape.Fields.Length] : new bool[shape.Fields.Length];
            HashSet<string>? unknown = null;
            Span<char> buffer = stackalloc char[128];
            foreach (var member in value.EnumerateObject())
            {
                var index = shape.IndexOf(NameOf(member, buffer, out var name));
                if (index >= 0)
                {
                    var field = shape.Fields[index];
                    if (seen[index])
                    {
                        AddAt(field.Name, $"field '{field.Name}' appears more than once");
                        continue;
                    }

                    seen[index] = true;
                    _route.Add(Step.Member(field.Name));
                    Walk(member.Value, field.Value);
                    _route.RemoveAt(_route.Count - 1);
                    continue;
                }

                name ??= member.Name;
                AddAt(name, (unknown ??= new HashSet<string>(StringComparer.Ordinal)).Add(name)
                    ? $"unknown field '{name}'"
                    : $"field '{name}' appears more than once");
            }

            for (var i = 0; i < shape.Fields.Length; i++)
            {
                if (shape.Fields[i] is { IsRequired: true } field && !seen[i])
                {
                    AddAt(field.Name, $"required field '{field.Name}' is missing");
                }
            }
        }

        private void CheckOtherObject(JsonElement value, ValueSpec? mapValues)
        {
            HashSet<string>? seen = null;
            foreach (var member in value.EnumerateObject())
            {
                if (!(seen ??= new HashSet<string>(StringComparer.Ordinal)).Add(member.Name))
                {
                    AddAt(member.Name, $"field '{member.Name}' appears more than once");
                    continue;
                }

                if (mapValues is not null)
                {
                    _route.Add(Step.Member(member.Name));
                    Walk(member.Value, mapValues);
                    _route.RemoveAt(_route.Count - 1);
                }
            }
        }

        private string Pointer()
        {
            var pointer = root;
            foreach (var step in _route)
            {
                pointer = step.Name is { } name ? JsonPointer.Append(pointer, name) : JsonPointer.Append(pointer, step.Index);
            }

            return pointer;
        }

        /// <summary>A member's name as characters: decoded into <paramref name="buffer"/> when it is plain UTF-8, else as a string.</summary>
        private static ReadOnlySpan<char> NameOf(JsonProperty member, Span<char> buffer, out string? name)
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(member);
            if (raw.IndexOf((byte)'\\') < 0
                && Utf8.ToUtf16(raw, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                name = null;
                return buffer[..written];
            }

            name = member.Name;
            return name;
        }
    }

    private readonly record struct Step(string? Name, int Index)
    {
        public static Step Member(string name) => new(name, -1);

        public static Step Item(int index) => new(null, index);
    }

    private static void CheckString(string text, ValueSpec spec, Walker walker)
    {
        if (!spec.AllowedValues.IsEmpty && !spec.AllowedValues.AsSpan().Contains(text))
        {
            walker.Add($"'{text}' is not one of: {string.Join(", ", spec.AllowedValues)}");
        }

        if (spec.Format is { } format && !format.IsValid(text))
        {
            walker.Add($"'{text}' must be {format.Description}");
        }
    }

    private static void CheckRange(double number, ValueSpec spec, Walker walker)
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
        walker.Add($"{shown} is out of range: must be {rule}");
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
