using System.Text.Json;
using Verso.Naming;

namespace Verso.Server.Mcp.Tools;

/// <summary>What a tool answers: its structured result and, for a write, the version it produced (for the audit).</summary>
internal sealed record ToolOutcome(JsonElement Result, PinnedRef? Produced = null);
