using System.Collections.Immutable;
using System.Text.Json;

namespace Verso.Agents.Validation;

/// <summary>
/// What one JSON value must be: its type, and for strings their allowed values or format, for numbers
/// their range, for arrays their items, for objects their declared members (a closed shape), a value
/// rule for every member (a map) or nothing (an open object). JSON <c>null</c> is never accepted: an
/// optional field that has no value is left out, so a record and its typed form hash the same.
/// </summary>
public sealed record ValueSpec
{
    private ValueSpec(JsonKind kind) => Kind = kind;

    /// <summary>The JSON type the value must have.</summary>
    public JsonKind Kind { get; }

    /// <summary>The declared members of an object; null for a map or an open object.</summary>
    public ObjectShape? Shape { get; private init; }

    /// <summary>The rule for every member value of a map (an object with free member names).</summary>
    public ValueSpec? MapValues { get; private init; }

    /// <summary>The rule for every item of an array.</summary>
    public ValueSpec? Items { get; private init; }

    /// <summary>The only strings allowed; empty when any string is.</summary>
    public ImmutableArray<string> AllowedValues { get; private init; } = [];

    /// <summary>The format a string must follow, if any.</summary>
    public StringFormat? Format { get; private init; }

    /// <summary>The smallest number allowed (inclusive), if any.</summary>
    public double? Minimum { get; private init; }

    /// <summary>The largest number allowed (inclusive), if any.</summary>
    public double? Maximum { get; private init; }

    /// <summary>Whether an object accepts members of any name and value.</summary>
    public bool IsOpenObject => Kind == JsonKind.Object && Shape is null && MapValues is null;

    /// <summary>Any string.</summary>
    public static ValueSpec String() => new(JsonKind.String);

    /// <summary>A string with at least one non-blank character.</summary>
    public static ValueSpec NonBlankString() => new(JsonKind.String) { Format = StringFormat.NotBlank };

    /// <summary>A string following <paramref name="format"/>.</summary>
    public static ValueSpec String(StringFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new(JsonKind.String) { Format = format };
    }

    /// <summary>One of the given strings.</summary>
    public static ValueSpec OneOf(params IEnumerable<string> values) => new(JsonKind.String) { AllowedValues = [.. values] };

    /// <summary>
    /// One of the names of <typeparamref name="TEnum"/> written in snake_case, exactly as the agent
    /// kinds' serializer writes them, so the validator and the typed records cannot disagree.
    /// </summary>
    public static ValueSpec EnumOf<TEnum>()
        where TEnum : struct, Enum =>
        OneOf(Enum.GetNames<TEnum>().Select(JsonNamingPolicy.SnakeCaseLower.ConvertName));

    /// <summary>Any finite number.</summary>
    public static ValueSpec Number() => new(JsonKind.Number);

    /// <summary>A whole number that fits a 32-bit signed integer.</summary>
    public static ValueSpec Integer() => new(JsonKind.Integer);

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static ValueSpec Boolean() => new(JsonKind.Boolean);

    /// <summary>An object with the members <paramref name="shape"/> declares and no others.</summary>
    public static ValueSpec Object(ObjectShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return new(JsonKind.Object) { Shape = shape };
    }

    /// <summary>An object whose members may have any name, each value following <paramref name="values"/>.</summary>
    public static ValueSpec MapOf(ValueSpec values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(JsonKind.Object) { MapValues = values };
    }

    /// <summary>An object with members of any name and value: free-form settings such as a node's config.</summary>
    public static ValueSpec OpenObject() => new(JsonKind.Object);

    /// <summary>An array whose items each follow <paramref name="items"/>.</summary>
    public static ValueSpec ArrayOf(ValueSpec items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(JsonKind.Array) { Items = items };
    }

    /// <summary>An array of any strings.</summary>
    public static ValueSpec StringArray() => ArrayOf(String());

    /// <summary>This number spec limited to <paramref name="minimum"/> … <paramref name="maximum"/>, inclusive.</summary>
    public ValueSpec Between(double minimum, double maximum) => this with { Minimum = minimum, Maximum = maximum };

    /// <summary>This number spec limited to at least <paramref name="minimum"/>.</summary>
    public ValueSpec AtLeast(double minimum) => this with { Minimum = minimum };
}
