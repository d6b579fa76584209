using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Verso.Core.Tests.Support;
using Verso.Documents.Schemas;
using static Verso.Core.Tests.Diff.Support.DiffJson;

namespace Verso.Core.Tests.Schemas;

/// <summary>Invariants of the schema comparison over arbitrary values and generated schemas.</summary>
public sealed class SchemaPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] Types = ["string", "number", "integer", "boolean", "null", "array", "object"];

    // Schemas over the keywords whose changes only narrow or widen: type, enum, and numeric bounds.
    private static readonly Gen<JsonObject> Narrowable =
        from types in Gen.SubListOf(Types)
        from values in Gen.SubListOf([1, 2, 3, 4])
        from useEnum in Gen.Elements(true, false)
        from minimum in Gen.Elements<int?>(null, 0, 5)
        from maximum in Gen.Elements<int?>(null, 10, 20)
        select Schema(types, useEnum ? values : null, minimum, maximum);

    [Fact]
    public void AnyValueComparedWithItselfAsASchemaHasNoChange()
    {
        Check.One(Cases, Prop.ForAll(ArbitraryJson.Values, value =>
            SchemaComparison.Compare(From(value), From(value), SchemaDirection.Input).IsEmpty
            && SchemaComparison.Compare(From(value), From(value), SchemaDirection.Output).IsEmpty));
    }

    [Fact]
    public void WhatBreaksSendersOneWayBreaksReadersTheOtherWay()
    {
        // Narrowing a → b is widening b → a: the input level forwards is the output level backwards.
        Check.One(Cases, Prop.ForAll(Arb.From(Narrowable.Zip(Narrowable)), pair =>
        {
            var (a, b) = pair;
            return SchemaComparison.Worst(SchemaComparison.Compare(a, b, SchemaDirection.Input))
                == SchemaComparison.Worst(SchemaComparison.Compare(b, a, SchemaDirection.Output));
        }));
    }

    [Fact]
    public void AnyValueTheOldSchemaAcceptedIsStillAcceptedWhenNoInputChangeIsBreaking()
    {
        // Checked against the meaning of the keywords: every integer 0..25 and a few other values.
        JsonNode?[] probes = [.. Enumerable.Range(0, 26).Select(i => JsonNode.Parse(i.ToString(System.Globalization.CultureInfo.InvariantCulture))), .. new[] { "2.5", "\"s\"", "true", "null", "[]", "{}" }.Select(t => JsonNode.Parse(t))];
        Check.One(Cases, Prop.ForAll(Arb.From(Narrowable.Zip(Narrowable)), pair =>
        {
            var (a, b) = pair;
            var breaking = SchemaComparison.Worst(SchemaComparison.Compare(a, b, SchemaDirection.Input)) == SchemaChangeLevel.Breaking;
            var lost = probes.Any(p => Accepts(a, p) && !Accepts(b, p));
            // A breaking verdict may be cautious (a bound added where no value reaches it), but a lost value is never compatible.
            return !lost || breaking;
        }));
    }

    private static JsonObject Schema(IList<string> types, IList<int>? values, int? minimum, int? maximum)
    {
        var schema = new JsonObject();
        if (types.Count > 0)
        {
            schema["type"] = new JsonArray([.. types.Select(t => (JsonNode?)JsonValue.Create(t))]);
        }

        if (values is not null)
        {
            schema["enum"] = new JsonArray([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
        }

        if (minimum is { } min)
        {
            schema["minimum"] = min;
        }

        if (maximum is { } max)
        {
            schema["maximum"] = max;
        }

        return schema;
    }

    // What the generated keywords mean, for the probes above.
    private static bool Accepts(JsonObject schema, JsonNode? value)
    {
        var number = value is JsonValue v && v.TryGetValue<double>(out var n) ? n : (double?)null;
        var type = value switch
        {
            null => "null",
            JsonArray => "array",
            JsonObject => "object",
            _ when number is { } x => x == Math.Floor(x) ? "integer" : "number",
            _ when value.GetValueKind() == System.Text.Json.JsonValueKind.String => "string",
            _ => "boolean",
        };
        if (schema["type"] is JsonArray types && !types.Any(t => t!.GetValue<string>() == type || type == "integer" && t.GetValue<string>() == "number"))
        {
            return false;
        }

        if (schema["enum"] is JsonArray values && !values.Any(e => number == e!.GetValue<int>()))
        {
            return false;
        }

        return number is not { } m
            || (schema["minimum"] is not JsonValue low || m >= low.GetValue<int>()) && (schema["maximum"] is not JsonValue high || m <= high.GetValue<int>());
    }
}
