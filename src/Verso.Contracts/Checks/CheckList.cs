using System.Text.Json.Serialization;

namespace Verso.Contracts.Checks;

/// <summary>Every check result recorded on a version, oldest first.</summary>
public sealed record CheckList
{
    /// <summary>The results.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<CheckInfo> Items { get; init; }
}
