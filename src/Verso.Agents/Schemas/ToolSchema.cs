using System.Text.Json;
using System.Text.RegularExpressions;
using Verso.Agents.Validation;
using Verso.Errors;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Schemas;

/// <summary>The shape of an MCP Tool object (a <c>tool</c> record, or one inline in <c>definitions</c>), and of references to tool versions.</summary>
internal static partial class ToolSchema
{
    public static ObjectShape Shape { get; } = new(
        Required("name", String(StringFormat.EntityId)),
        Optional("title", String()),
        Optional("description", String()),
        Required("inputSchema", OpenObject()),
        Optional("outputSchema", OpenObject()),
        Optional("annotations", OpenObject()),
        Optional("icons", ArrayOf(OpenObject())),
        Optional("_meta", OpenObject()));

    /// <summary>A tool version such as <c>tool/search@2</c>: a number, so a record means one exact schema.</summary>
    public static StringFormat ToolRef { get; } = new("a tool version such as tool/search@2", value => ToolRefPattern().IsMatch(value));

    public static RecordValidator Validator { get; } = new(Shape, record => InputIsAnObject(record, ""));

    // Where a record declares tools: inline definitions (names unique, inputs objects) and references.
    public static IEnumerable<Func<JsonElement, IEnumerable<RecordProblem>>> Declared(params string[] at) =>
    [
        Invariants.UniqueKeys("name", [.. at, "definitions"]),
        record => JsonRead.Items(record, [.. at, "definitions"])
            .SelectMany(d => InputIsAnObject(d.Item, $"/{string.Join('/', at.Append("definitions"))}/{d.Index}")),
        Invariants.DistinctStrings([.. at, "uses"]),
    ];

    // MCP: "inputSchema" is a JSON Schema object whose type is "object", as tool arguments are named.
    private static IEnumerable<RecordProblem> InputIsAnObject(JsonElement tool, string at)
    {
        if (JsonRead.At(tool, ["inputSchema"]) is { ValueKind: JsonValueKind.Object } input && JsonRead.String(input, "type") != "object")
        {
            yield return new RecordProblem(at + "/inputSchema/type", "must be \"object\": a tool's arguments are named");
        }
    }

    [GeneratedRegex(@"^tool/[A-Za-z0-9][A-Za-z0-9._-]{0,127}@[1-9][0-9]{0,9}$", RegexOptions.CultureInvariant)]
    private static partial Regex ToolRefPattern();
}
