using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>One version of a history page: its metadata, and its record when the page was asked to include content.</summary>
public sealed record VersionPageItem : VersionMetadata
{
    /// <summary>The record (include=content only); the JSON <c>null</c> when its content was pruned or erased.</summary>
    [JsonPropertyName("content")]
    public RawJson? Content { get; init; }
}
