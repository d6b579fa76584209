namespace Verso.Server.Tests.Fuzz;

/// <summary>A parameter of an operation: its name, where it goes (path, query, header), whether it is required, and its schema.</summary>
public sealed record ApiParameter(string Name, string In, bool Required, System.Text.Json.Nodes.JsonNode? Schema);
