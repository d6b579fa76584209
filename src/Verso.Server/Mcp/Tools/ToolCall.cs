using Verso.Server.Security;
using Verso.Versioning;

namespace Verso.Server.Mcp.Tools;

/// <summary>One call of a tool: who calls, with what, over which store.</summary>
internal sealed record ToolCall(Caller Caller, ToolArguments Arguments, VersioningService Service, TimeProvider Time);
