using Verso.Documents.Schemas;

namespace Verso.Versioning.Tools;

/// <summary>One difference between two versions of an MCP tool definition, with what it does to the tool's callers.</summary>
/// <param name="Tool">The tool's name.</param>
/// <param name="Source">Where the newer definition lives: a pointer into the record (<c>/tools/definitions/0</c>), or the <c>tool/ID@N</c> version it references.</param>
/// <param name="Path">The RFC 6901 pointer in the tool object, e.g. <c>/inputSchema/properties/city/type</c>; empty for the whole tool.</param>
/// <param name="Direction">Input for <c>inputSchema</c>, output for <c>outputSchema</c>, null for the tool itself (its name, description, hints).</param>
/// <param name="Kind">What changed, e.g. <c>tool-removed</c>, <c>type-narrowed</c>, <c>annotation-hint-changed</c>.</param>
/// <param name="Level">Compatible, warning or breaking.</param>
/// <param name="Message">The change in words.</param>
public sealed record ToolChange(
    string Tool, string Source, string Path, SchemaDirection? Direction, string Kind, SchemaChangeLevel Level, string Message)
{
    /// <summary>The change on one line: <c>search /inputSchema/required (input): breaking, 'q' is required now</c>.</summary>
    public override string ToString() =>
        $"{Tool} {(Path.Length == 0 ? "(the tool)" : Path)} ({Direction?.ToString().ToLowerInvariant() ?? "tool"}): {Level.ToString().ToLowerInvariant()}, {Message}";
}
