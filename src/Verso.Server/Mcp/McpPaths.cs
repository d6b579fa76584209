namespace Verso.Server.Mcp;

/// <summary>Where <c>verso serve</c> answers MCP.</summary>
public static class McpPaths
{
    /// <summary>The streamable HTTP endpoint.</summary>
    public const string Root = "/mcp";
}
