using System.Text.Json.Serialization;

namespace Verso.Contracts.Import;

/// <summary>A request to erase the content of every version of an entity.</summary>
public sealed record EraseAllRequest
{
    /// <summary>Why; shown wherever the erased content is read.</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary>Who erases, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
