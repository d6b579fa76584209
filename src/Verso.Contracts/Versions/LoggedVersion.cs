using System.Text.Json.Serialization;

namespace Verso.Contracts.Versions;

/// <summary>One version as <c>verso log --json</c> lists it: its metadata and the checks recorded on it.</summary>
public sealed record LoggedVersion : VersionMetadata
{
    /// <summary>The check results recorded on the version, oldest first.</summary>
    [JsonPropertyName("checks")]
    public required IReadOnlyList<VersionCheck> Checks { get; init; }
}
