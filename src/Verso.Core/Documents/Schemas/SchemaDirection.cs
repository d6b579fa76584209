namespace Verso.Documents.Schemas;

/// <summary>Which side of a tool a JSON Schema describes, which decides whether a change to it breaks callers.</summary>
public enum SchemaDirection
{
    /// <summary>What callers send (an MCP tool's <c>inputSchema</c>): accepting less breaks them, accepting more does not.</summary>
    Input,

    /// <summary>What callers receive (an MCP tool's <c>outputSchema</c>): producing more breaks them, producing less does not.</summary>
    Output,
}
