using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Compare;

/// <summary>One operation of an RFC 6902 JSON Patch, as a diff answers with <c>format=patch</c>.</summary>
public sealed record PatchOperation
{
    /// <summary>add, remove, replace, move, copy or test.</summary>
    [JsonPropertyName("op")]
    public required string Op { get; init; }

    /// <summary>The JSON pointer the operation acts on.</summary>
    [JsonPropertyName("path")]
    public required string Path { get; init; }

    /// <summary>For move and copy: where the value comes from.</summary>
    [JsonPropertyName("from")]
    public string? From { get; init; }

    /// <summary>For add, replace and test: the value.</summary>
    [JsonPropertyName("value")]
    public RawJson? Value { get; init; }
}
