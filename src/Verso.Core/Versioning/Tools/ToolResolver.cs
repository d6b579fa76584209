using System.Text.Json.Nodes;
using Verso.Naming;

namespace Verso.Versioning.Tools;

/// <summary>Reads the content of the tool version a record references (a <c>tool</c> record, an MCP Tool object).</summary>
/// <exception cref="Errors.NotFoundException">The version does not exist.</exception>
public delegate ValueTask<JsonNode?> ToolResolver(VersionRef reference, CancellationToken cancellationToken);
