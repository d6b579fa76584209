namespace Verso.Server.Tests.Fuzz;

/// <summary>The request body of an operation: whether it is required, and media type → schema.</summary>
public sealed record ApiRequestBody(bool Required, IReadOnlyDictionary<string, System.Text.Json.Nodes.JsonNode?> Content);
