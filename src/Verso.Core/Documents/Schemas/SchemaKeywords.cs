using System.Collections.Frozen;

namespace Verso.Documents.Schemas;

// The JSON Schema 2020-12 keywords, by how the comparison treats them.
internal static class SchemaKeywords
{
    // Read by the comparison itself.
    public static FrozenSet<string> Compared { get; } = FrozenSet.ToFrozenSet(
    [
        "type", "enum", "const", "format", "pattern", "properties", "required", "additionalProperties",
        "items", "prefixItems", "anyOf", "oneOf", "allOf", "$ref", "uniqueItems", "multipleOf",
        .. SchemaBounds.Lower, .. SchemaBounds.Upper,
    ], StringComparer.Ordinal);

    // Nothing a validator reads: a change to one is compatible both ways.
    public static FrozenSet<string> Annotations { get; } = FrozenSet.ToFrozenSet(
    [
        "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly", "$comment",
        "$schema", "$id", "$anchor", "$vocabulary",
    ], StringComparer.Ordinal);

    // Definitions are compared where a $ref uses them; an unused one validates nothing.
    public static FrozenSet<string> Containers { get; } = FrozenSet.ToFrozenSet(["$defs", "definitions"], StringComparer.Ordinal);

    // Known to JSON Schema but not compared: a change to one is a warning that says so.
    public static FrozenSet<string> NotCompared { get; } = FrozenSet.ToFrozenSet(
    [
        "not", "if", "then", "else", "dependentRequired", "dependentSchemas", "patternProperties", "propertyNames",
        "contains", "minContains", "maxContains", "unevaluatedProperties", "unevaluatedItems", "contentEncoding",
        "contentMediaType", "contentSchema", "$dynamicRef", "$dynamicAnchor", "dependencies",
    ], StringComparer.Ordinal);
}
