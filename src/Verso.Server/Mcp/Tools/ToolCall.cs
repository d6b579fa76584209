using Verso.Server.Security;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Server.Mcp.Tools;

/// <summary>One call of a tool: who calls, with what, through which service and over which store (both from DI).</summary>
internal sealed record ToolCall(Caller Caller, ToolArguments Arguments, VersioningService Service, IVersionStore Store, TimeProvider Time);
