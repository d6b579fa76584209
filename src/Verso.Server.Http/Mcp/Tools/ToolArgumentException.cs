namespace Verso.Server.Mcp.Tools;

/// <summary>A tool's argument is missing, of the wrong type or out of range: a tool error naming the parameter.</summary>
internal sealed class ToolArgumentException(string parameter, string message) : Exception(message)
{
    public string Parameter { get; } = parameter;
}
