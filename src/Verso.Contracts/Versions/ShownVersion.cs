using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>One version as <c>verso show --json</c> prints it: its metadata, the checks recorded on it, its record.</summary>
public sealed record ShownVersion : VersionMetadata
{
    /// <summary>The check results recorded on the version, oldest first.</summary>
    [JsonPropertyName("checks")]
    public required IReadOnlyList<VersionCheck> Checks { get; init; }

    /// <summary>The record, canonical; the JSON <c>null</c> when its content was pruned or erased.</summary>
    [JsonPropertyName("content")]
    public required RawJson Content { get; init; }
}
