using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Verso.Server.Tests.Fuzz;

/// <summary>
/// Validates JSON against the schemas of the served OpenAPI 3.1 document: the subset of JSON Schema 2020-12
/// that Microsoft.AspNetCore.OpenApi writes (type or type lists, properties, required, items,
/// additionalProperties, enum, const, oneOf/anyOf/allOf, pattern, min/max, the int32/int64/date-time
/// formats and local <c>$ref</c>s). A keyword it does not know fails, so a new kind of schema in the
/// document is noticed rather than silently accepted.
/// </summary>
public sealed class SchemaValidator(JsonObject document)
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal) { "description", "title", "default", "example", "examples", "deprecated", "readOnly", "writeOnly", "externalDocs" };

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each with its JSON path; empty when it is valid.</summary>
    public IReadOnlyList<string> Validate(JsonNode? value, JsonNode? schema)
    {
        var problems = new List<string>();
        Check(value, schema, "", problems, 0);
        return problems;
    }

    /// <summary>Whether <paramref name="value"/> is valid against <paramref name="schema"/>.</summary>
    public bool IsValid(JsonNode? value, JsonNode? schema) => Validate(value, schema).Count == 0;

    /// <summary>The schema a local reference (<c>#/components/schemas/X</c>) points at.</summary>
    public JsonNode Resolve(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new NotSupportedException($"only local references are supported, not {reference}");
        }

        JsonNode? node = document;
        foreach (var part in reference[2..].Split('/'))
        {
            node = node?[part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)];
        }

        return node ?? throw new InvalidOperationException($"{reference} points at nothing");
    }

    /// <summary>The schema itself, or what its <c>$ref</c> points at when that is all it says.</summary>
    public JsonObject Dereference(JsonNode? schema)
    {
        var current = schema as JsonObject ?? [];
        for (var depth = 0; current["$ref"] is { } reference && depth < 32; depth++)
        {
            current = Resolve(reference.GetValue<string>()).AsObject();
        }

        return current;
    }

    private void Check(JsonNode? value, JsonNode? schemaNode, string path, List<string> problems, int depth)
    {
        if (depth > 64)
        {
            problems.Add($"{path}: schema nesting too deep");
            return;
        }

        if (schemaNode is JsonValue boolean && boolean.TryGetValue<bool>(out var allowed))
        {
            if (!allowed)
            {
                problems.Add($"{path}: no value is allowed here");
            }

            return;
        }

        if (schemaNode is not JsonObject schema)
        {
            problems.Add($"{path}: the schema is not an object");
            return;
        }

        foreach (var (keyword, argument) in schema)
        {
            switch (keyword)
            {
                case "$ref":
                    Check(value, Resolve(argument!.GetValue<string>()), path, problems, depth + 1);
                    break;
                case "type":
                    var types = argument is JsonArray list ? list.Select(t => t!.GetValue<string>()).ToList() : [argument!.GetValue<string>()];
                    if (!types.Any(t => HasType(value, t)))
                    {
                        problems.Add($"{path}: {Describe(value)} is not {string.Join(" or ", types)}");
                        return;
                    }

                    break;
                case "properties":
                    if (value is JsonObject properties)
                    {
                        foreach (var (name, propertySchema) in argument!.AsObject())
                        {
                            if (properties.TryGetPropertyValue(name, out var property))
                            {
                                Check(property, propertySchema, $"{path}/{name}", problems, depth + 1);
                            }
                        }
                    }

                    break;
                case "required":
                    if (value is JsonObject present)
                    {
                        foreach (var name in argument!.AsArray().Select(n => n!.GetValue<string>()).Where(n => !present.ContainsKey(n)))
                        {
                            problems.Add($"{path}: '{name}' is required");
                        }
                    }

                    break;
                case "additionalProperties":
                    if (value is JsonObject extra)
                    {
                        var known = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
                        foreach (var (name, property) in extra.Where(p => !known.Contains(p.Key)))
                        {
                            Check(property, argument, $"{path}/{name}", problems, depth + 1);
                        }
                    }

                    break;
                case "items":
                    if (value is JsonArray items)
                    {
                        for (var i = 0; i < items.Count; i++)
                        {
                            Check(items[i], argument, $"{path}/{i}", problems, depth + 1);
                        }
                    }

                    break;
                case "enum":
                    if (!argument!.AsArray().Any(option => JsonNode.DeepEquals(option, value)))
                    {
                        problems.Add($"{path}: {Describe(value)} is not one of {argument.ToJsonString()}");
                    }

                    break;
                case "const":
                    if (!JsonNode.DeepEquals(argument, value))
                    {
                        problems.Add($"{path}: {Describe(value)} is not {argument?.ToJsonString()}");
                    }

                    break;
                case "oneOf" or "anyOf":
                    var matching = argument!.AsArray().Count(option => IsValid(value, option, depth));
                    if (keyword == "oneOf" ? matching != 1 : matching == 0)
                    {
                        problems.Add($"{path}: {Describe(value)} matches {matching} of the {keyword} schemas");
                    }

                    break;
                case "allOf":
                    foreach (var option in argument!.AsArray())
                    {
                        Check(value, option, path, problems, depth + 1);
                    }

                    break;
                case "pattern":
                    if (value is JsonValue text && text.GetValueKind() == JsonValueKind.String && !Regex.IsMatch(text.GetValue<string>(), argument!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1)))
                    {
                        problems.Add($"{path}: {Describe(value)} does not match {argument}");
                    }

                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                    if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
                    {
                        var actual = number.GetValue<decimal>();
                        var limit = argument!.GetValue<decimal>();
                        var ok = keyword switch
                        {
                            "minimum" => actual >= limit,
                            "maximum" => actual <= limit,
                            "exclusiveMinimum" => actual > limit,
                            _ => actual < limit,
                        };
                        if (!ok)
                        {
                            problems.Add($"{path}: {actual} breaks {keyword} {limit}");
                        }
                    }

                    break;
                case "minLength" or "maxLength" or "minItems" or "maxItems":
                    var size = value switch
                    {
                        JsonArray array => array.Count,
                        JsonValue s when s.GetValueKind() == JsonValueKind.String => new StringInfoLength(s.GetValue<string>()).Length,
                        _ => -1,
                    };
                    var bound = argument!.GetValue<int>();
                    if (size >= 0 && (keyword.StartsWith("min", StringComparison.Ordinal) ? size < bound : size > bound))
                    {
                        problems.Add($"{path}: length {size} breaks {keyword} {bound}");
                    }

                    break;
                case "format":
                    CheckFormat(value, argument!.GetValue<string>(), path, problems);
                    break;
                default:
                    if (!Annotations.Contains(keyword))
                    {
                        problems.Add($"{path}: the validator does not know the keyword '{keyword}'");
                    }

                    break;
            }
        }
    }

    private bool IsValid(JsonNode? value, JsonNode? schema, int depth)
    {
        var problems = new List<string>();
        Check(value, schema, "", problems, depth + 1);
        return problems.Count == 0;
    }

    private static void CheckFormat(JsonNode? value, string format, string path, List<string> problems)
    {
        if (value is not JsonValue scalar)
        {
            return;
        }

        var ok = (format, scalar.GetValueKind()) switch
        {
            ("int32", JsonValueKind.Number) => scalar.GetValue<JsonElement>().TryGetInt32(out _),
            ("int64", JsonValueKind.Number) => scalar.GetValue<JsonElement>().TryGetInt64(out _),
            ("int32", JsonValueKind.String) => int.TryParse(scalar.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            ("int64", JsonValueKind.String) => long.TryParse(scalar.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            ("date-time", JsonValueKind.String) => DateTimeOffset.TryParseExact(
                scalar.GetValue<string>(), ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd't'HH:mm:ss.FFFFFFFK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            _ => true,
        };
        if (!ok)
        {
            problems.Add($"{path}: {Describe(value)} is not a valid {format}");
        }
    }

    /// <summary>Whether <paramref name="value"/> is of the JSON Schema type <paramref name="type"/>.</summary>
    public static bool HasType(JsonNode? value, string type) => (type, value?.GetValueKind() ?? JsonValueKind.Null) switch
    {
        ("null", JsonValueKind.Null) => true,
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => value!.GetValue<JsonElement>().TryGetDecimal(out var d) ? decimal.Truncate(d) == d : false,
        _ => false,
    };

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    // Lengths in JSON Schema count code points, not UTF-16 units.
    private readonly record struct StringInfoLength(string Text)
    {
        public int Length => Text.EnumerateRunes().Count();
    }
}
