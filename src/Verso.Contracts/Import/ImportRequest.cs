using System.Text.Json.Serialization;

namespace Verso.Contracts.Import;

/// <summary>A request to import versions keeping their numbers, authors and times.</summary>
public sealed record ImportRequest
{
    /// <summary>The versions, in order; per entity their numbers continue the head gaplessly.</summary>
    [JsonPropertyName("versions")]
    public required IReadOnlyList<ImportedVersionInfo> Versions { get; init; }
}
