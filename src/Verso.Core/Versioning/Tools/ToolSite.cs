using System.Text.Json.Nodes;
using Verso.Naming;

namespace Verso.Versioning.Tools;

/// <summary>One tool a record declares: an inline MCP Tool object, or a reference to a <c>tool/ID@N</c> version.</summary>
/// <param name="Source">Where it is declared: a pointer into the record, e.g. <c>/tools/definitions/0</c>.</param>
/// <param name="Definition">The MCP Tool object, when inline.</param>
/// <param name="Reference">The tool version referred to, when not inline.</param>
/// <param name="Key">
/// What pairs the site with its counterpart in another version; null pairs by the tool's <c>name</c>
/// (so a renamed inline tool is one removed and one added), a fixed key pairs whatever the name (a
/// <c>tool</c> record is one tool under any name, so a rename is a change of that tool).
/// </param>
public sealed record ToolSite(string Source, JsonNode? Definition, VersionRef? Reference, string? Key = null);
