using System.Text.Json.Nodes;

namespace Verso.Documents.Patch;

/// <summary>One RFC 6902 operation.</summary>
/// <param name="Op">The operation.</param>
/// <param name="Path">The target location (RFC 6901).</param>
/// <param name="From">The source location, for <c>move</c> and <c>copy</c>.</param>
/// <param name="Value">The value, for <c>add</c>, <c>replace</c> and <c>test</c> (a JSON null is a null node).</param>
public sealed record PatchOperation(PatchOperationType Op, string Path, string? From = null, JsonNode? Value = null);
