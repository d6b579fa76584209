using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Verso.Server.Tests.Fuzz;

/// <summary>
/// JSON generated from a schema of the document: instances of it (required properties always, optional ones
/// sometimes, values by property name from <see cref="FuzzValues"/>), and the same broken on purpose (a
/// required property left out, a property of the wrong type, not an object at all).
/// </summary>
public sealed class BodyGenerator(SchemaValidator schemas, FuzzValues values)
{
    /// <summary>An instance of <paramref name="schema"/>; <paramref name="name"/> is the property it fills.</summary>
    public Gen<JsonNode?> Instance(JsonNode? schema, string name = "", int depth = 0)
    {
        var resolved = schemas.Dereference(schema);
        if ((resolved["oneOf"] ?? resolved["anyOf"]) is JsonArray oneOf)
        {
            var options = oneOf.Select(o => schemas.Dereference(o)).ToList();
            var nonNull = options.Where(o => !IsNullOnly(o)).ToList();
            var choices = nonNull.Select(o => (4, Instance(o, name, depth))).ToList();
            if (nonNull.Count < options.Count)
            {
                choices.Add((1, Gen.Constant<JsonNode?>(null)));
            }

            return Gen.Frequency(choices);
        }

        var types = Types(resolved);
        var primary = types.FirstOrDefault(t => t is not ("null" or "string")) ?? types.FirstOrDefault(t => t != "null");
        var gen = primary switch
        {
            "object" when resolved["properties"] is JsonObject properties => Object(properties, Required(resolved), depth),
            "object" when resolved["additionalProperties"] is JsonObject map => Gen.ListOf(values.StringFor("tag").Zip(Instance(map, "", depth + 1)), 3)
                .Select(pairs => (JsonNode?)new JsonObject(pairs.DistinctBy(p => p.Item1).Select(p => KeyValuePair.Create(p.Item1, p.Item2)))),
            "object" => Record(depth),
            "array" => Gen.ListOf(Instance(resolved["items"], name, depth + 1), 3).Select(items => (JsonNode?)new JsonArray([.. items])),
            "integer" => FuzzValues.IntegerFor(name, resolved["format"]?.GetValue<string>() == "int64").Select(n => (JsonNode?)JsonValue.Create(n)),
            "number" => Gen.Elements(0.5, 1, -2.25, 1e6).Select(n => (JsonNode?)JsonValue.Create(n)),
            "boolean" => Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
            "string" => values.StringFor(name).Select(s => (JsonNode?)JsonValue.Create(s)),
            _ => Any(name, depth),
        };
        return types.Contains("null") ? Gen.Frequency((6, gen), (1, Gen.Constant<JsonNode?>(null))) : gen;
    }

    /// <summary>A value that breaks <paramref name="schema"/> (usually; the caller checks with the validator).</summary>
    public Gen<JsonNode?> Broken(JsonNode? schema)
    {
        var resolved = schemas.Dereference(schema);
        var valid = Instance(resolved);
        var notAnObject = Gen.Elements("[]", "\"text\"", "42", "null", "[{}]").Select(JsonNode? (json) => JsonNode.Parse(json));
        if (resolved["properties"] is not JsonObject properties)
        {
            return notAnObject;
        }

        var names = properties.Select(p => p.Key).ToArray();
        var required = Required(resolved).ToArray();
        var withoutRequired = required.Length == 0 ? valid : valid.Zip(Gen.Elements(required)).Select(pair =>
        {
            (pair.Item1 as JsonObject)?.Remove(pair.Item2);
            return pair.Item1;
        });
        var wrongType = valid.Zip(Gen.Elements(names)).Zip(WrongValue).Select(t =>
        {
            var ((body, name), wrong) = t;
            if (body is JsonObject obj)
            {
                obj[name] = wrong;
            }

            return body;
        });
        return Gen.Frequency<JsonNode?>((2, withoutRequired), (4, wrongType), (1, notAnObject));
    }

    private static Gen<JsonNode?> WrongValue { get; } = Gen.Elements("\"text\"", "-7", "1.5", "true", "[]", "{}", "[1,2]", "{\"x\":{}}", "\"\"", "99999999999")
        .Select(JsonNode? (json) => JsonNode.Parse(json));

    private Gen<JsonNode?> Object(JsonObject properties, IReadOnlyList<string> required, int depth)
    {
        var parts = properties.Select(p =>
        {
            var value = Instance(p.Value, p.Key, depth + 1);
            var present = required.Contains(p.Key) ? Gen.Constant(true) : Gen.Elements(true, false);
            return present.Zip(value).Select(t => (Name: p.Key, t.Item1, t.Item2));
        });
        return Gen.CollectToList(parts).Select(list =>
        {
            var obj = new JsonObject();
            foreach (var (propertyName, present, value) in list.Where(l => l.Item2))
            {
                obj[propertyName] = value;
            }

            return (JsonNode?)obj;
        });
    }

    // A record of no particular kind: saved as a doc it is fine, as an agent it breaks the domain's rules.
    private Gen<JsonNode?> Record(int depth) =>
        Gen.Frequency(
            (3, Gen.Choose(0, 5).Zip(values.StringFor("message")).Select(JsonNode? (t) => new JsonObject { ["n"] = t.Item1, ["text"] = t.Item2 })),
            (1, Gen.Elements("{}", "{\"a\":{\"b\":[1,2,{\"c\":null}]}}", "{\"n\":1e400}", "{\"\":0}").Select(JsonNode? (json) => JsonNode.Parse(json))),
            (1, depth > 2 ? Gen.Fresh<JsonNode?>(() => new JsonObject()) : Any("", depth + 1).Select(JsonNode? (v) => new JsonObject { ["value"] = v })));

    private Gen<JsonNode?> Any(string name, int depth) =>
        name == "version"
            ? Gen.Elements("1", "2", "\"production\"", "\"2\"", "\"sha256:00000000\"", "true").Select(JsonNode? (json) => JsonNode.Parse(json))
            : Gen.OneOf(
                values.StringFor(name).Select(s => (JsonNode?)JsonValue.Create(s)),
                Gen.Choose(-3, 100).Select(n => (JsonNode?)JsonValue.Create(n)),
                Gen.Elements("null", "true", "[1,\"a\"]", "{\"k\":\"v\"}").Select(JsonNode? (json) => JsonNode.Parse(json)));

    private static bool IsNullOnly(JsonObject schema) => Types(schema) is ["null"];

    private static List<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray list => [.. list.Select(t => t!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => schema["properties"] is not null ? ["object"] : [],
    };

    private static List<string> Required(JsonObject schema) => schema["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToList() ?? [];
}
