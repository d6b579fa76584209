namespace Verso.Core.Tests.Schemas;

// The cases the comparison is held to, each with the level expected for a schema used as input (what
// callers send) and as output (what they receive). C = compatible, W = warning, B = breaking.
internal static class SchemaCorpus
{
    private const string Object = """{"type":"object","properties":{"city":{"type":"string"},"units":{"type":"string","enum":["c","f"]}},"required":["city"]}""";

    public static TheoryData<string, string, string, string, string, char, char> Cases { get; } = new()
    {
        // Apicurio Registry's MCP tool rules (inputSchema): breaking on removal, new requirement, type change, narrowing.
        { "apicurio: optional property removed", Object, """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""", "/properties/units", "property-removed", 'B', 'W' },
        { "apicurio: required property added", Object, """{"type":"object","properties":{"city":{"type":"string"},"units":{"type":"string","enum":["c","f"]},"country":{"type":"string"}},"required":["city","country"]}""", "/properties/country", "required-property-added", 'B', 'C' },
        { "apicurio: type changed", Object, Object.Replace("\"city\":{\"type\":\"string\"}", "\"city\":{\"type\":\"number\"}", StringComparison.Ordinal), "/properties/city/type", "type-changed", 'B', 'B' },
        { "apicurio: allowed type dropped", """{"type":["string","null"]}""", """{"type":"string"}""", "/type", "type-narrowed", 'B', 'C' },
        { "apicurio: enum value removed", Object, Object.Replace("[\"c\",\"f\"]", "[\"c\"]", StringComparison.Ordinal), "/properties/units/enum", "enum-narrowed", 'B', 'C' },
        { "apicurio: optional property added", Object, """{"type":"object","properties":{"city":{"type":"string"},"units":{"type":"string","enum":["c","f"]},"lang":{"type":"string"}},"required":["city"]}""", "/properties/lang", "property-added", 'C', 'C' },
        { "apicurio: description changed", """{"type":"string","description":"a city"}""", """{"type":"string","description":"the city to look up"}""", "/description", "annotation-changed", 'C', 'C' },
        { "apicurio: required property removed", Object, """{"type":"object","properties":{"units":{"type":"string","enum":["c","f"]}}}""", "/properties/city", "required-property-removed", 'B', 'B' },
        { "apicurio disagreement: property no longer required", Object, Object.Replace("[\"city\"]", "[]", StringComparison.Ordinal), "/required", "required-removed", 'C', 'B' },

        // oasdiff's direction cases: what is safe in a request breaks a response, and back.
        { "oasdiff: enum value added", Object, Object.Replace("[\"c\",\"f\"]", "[\"c\",\"f\",\"k\"]", StringComparison.Ordinal), "/properties/units/enum", "enum-widened", 'C', 'B' },
        { "oasdiff: max length added", """{"type":"string"}""", """{"type":"string","maxLength":64}""", "/maxLength", "bound-added", 'B', 'C' },
        { "oasdiff: minimum relaxed", """{"type":"integer","minimum":10}""", """{"type":"integer","minimum":1}""", "/minimum", "bound-relaxed", 'C', 'B' },
        { "oasdiff: maximum tightened", """{"type":"integer","maximum":100}""", """{"type":"integer","maximum":50}""", "/maximum", "bound-tightened", 'B', 'C' },
        { "oasdiff: max items raised", """{"type":"array","maxItems":5}""", """{"type":"array","maxItems":10}""", "/maxItems", "bound-relaxed", 'C', 'B' },
        { "oasdiff: format added", """{"type":"string"}""", """{"type":"string","format":"date"}""", "/format", "format-added", 'B', 'C' },
        { "oasdiff: format changed", """{"type":"string","format":"date"}""", """{"type":"string","format":"date-time"}""", "/format", "format-changed", 'B', 'B' },
        { "oasdiff: pattern changed is not decided", """{"type":"string","pattern":"^[a-z]+$"}""", """{"type":"string","pattern":"^[a-z0-9]+$"}""", "/pattern", "pattern-changed", 'W', 'W' },
        { "oasdiff: additionalProperties closed", """{"type":"object"}""", """{"type":"object","additionalProperties":false}""", "/additionalProperties", "schema-closed", 'B', 'C' },
        { "oasdiff: property added to a closed object", """{"type":"object","additionalProperties":false}""", """{"type":"object","properties":{"a":{}},"additionalProperties":false}""", "/properties/a", "property-added", 'C', 'B' },
        { "oasdiff: anyOf branch added", """{"anyOf":[{"type":"string"}]}""", """{"anyOf":[{"type":"string"},{"type":"integer"}]}""", "/anyOf/1", "branch-added", 'C', 'B' },
        { "oasdiff: oneOf branch removed", """{"oneOf":[{"type":"string"},{"type":"integer"}]}""", """{"oneOf":[{"type":"string"}]}""", "/oneOf/1", "branch-removed", 'B', 'C' },
        { "oasdiff: allOf branch added", """{"allOf":[{"type":"object"}]}""", """{"allOf":[{"type":"object"},{"required":["id"]}]}""", "/allOf/1", "branch-added", 'B', 'C' },
        { "oasdiff: const changed", """{"const":"v1"}""", """{"const":"v2"}""", "/const", "enum-changed", 'B', 'B' },
        { "oasdiff: prefix item added", """{"type":"array","prefixItems":[{"type":"string"}]}""", """{"type":"array","prefixItems":[{"type":"string"},{"type":"integer"}]}""", "/prefixItems/1", "prefix-item-added", 'B', 'C' },
        { "oasdiff: items narrowed", """{"type":"array","items":{"type":"number"}}""", """{"type":"array","items":{"type":"integer"}}""", "/items/type", "type-narrowed", 'B', 'C' },
        { "oasdiff: multipleOf tightened", """{"type":"integer","multipleOf":2}""", """{"type":"integer","multipleOf":4}""", "/multipleOf", "bound-tightened", 'B', 'C' },
        { "oasdiff: unique items required", """{"type":"array"}""", """{"type":"array","uniqueItems":true}""", "/uniqueItems", "unique-items-added", 'B', 'C' },

        // What users reported (eval-view #117, mcp-ts #71, Apicurio #8661).
        { "users: type widened", """{"type":"string"}""", """{"type":["string","number"]}""", "/type", "type-widened", 'C', 'B' },
        { "users: integer widened to number", """{"type":"integer"}""", """{"type":"number"}""", "/type", "type-widened", 'C', 'B' },
        { "users: type narrowed", """{"type":"number"}""", """{"type":"integer"}""", "/type", "type-narrowed", 'B', 'C' },
        { "users: enum narrowed in array items", """{"type":"array","items":{"enum":["a","b","c"]}}""", """{"type":"array","items":{"enum":["a","b"]}}""", "/items/enum", "enum-narrowed", 'B', 'C' },
        { "users: nested required added", """{"type":"object","properties":{"address":{"type":"object","properties":{"zip":{"type":"string"}}}}}""", """{"type":"object","properties":{"address":{"type":"object","properties":{"zip":{"type":"string"}},"required":["zip"]}}}""", "/properties/address/required", "required-added", 'B', 'C' },
        { "users: required added through a $ref", """{"$defs":{"addr":{"type":"object","properties":{"zip":{"type":"string"}}}},"properties":{"home":{"$ref":"#/$defs/addr"}}}""", """{"$defs":{"addr":{"type":"object","properties":{"zip":{"type":"string"}},"required":["zip"]}},"properties":{"home":{"$ref":"#/$defs/addr"}}}""", "/properties/home/$ref/required", "required-added", 'B', 'C' },
        { "users: $ref cycle with a change inside", Tree("string"), Tree("integer"), "/$ref/properties/name/type", "type-changed", 'B', 'B' },
        { "users: unknown keyword changed", """{"type":"string","x-max-tokens":10}""", """{"type":"string","x-max-tokens":20}""", "/x-max-tokens", "unknown-keyword", 'W', 'W' },
        { "users: keyword not compared", """{"not":{"type":"null"}}""", """{"not":{"type":"string"}}""", "/not", "keyword-not-compared", 'W', 'W' },
        { "users: external $ref changed", """{"$ref":"https://example.org/a.json"}""", """{"$ref":"https://example.org/b.json"}""", "/$ref", "ref-changed", 'W', 'W' },
        { "users: schema became false", """{"properties":{"legacy":true}}""", """{"properties":{"legacy":false}}""", "/properties/legacy", "schema-closed", 'B', 'C' },
    };

    // A recursive tree: each node has a name and children that are nodes.
    public static string Tree(string nameType) =>
        """{"$defs":{"node":{"type":"object","properties":{"name":{"type":"NAME"},"children":{"type":"array","items":{"$ref":"#/$defs/node"}}}}},"$ref":"#/$defs/node"}"""
            .Replace("NAME", nameType, StringComparison.Ordinal);
}
