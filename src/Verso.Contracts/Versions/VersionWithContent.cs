using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>One version with its record: what a head read, a version read and <c>verso show --json</c> answer.</summary>
public sealed record VersionWithContent : VersionMetadata
{
    /// <summary>The record, canonical, as the stored bytes; the JSON <c>null</c> when its content was pruned or erased.</summary>
    [JsonPropertyName("content")]
    public required RawJson Content { get; init; }
}
