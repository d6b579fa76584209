using System.Text.Json.Serialization;

namespace Verso.Contracts.Admin;

/// <summary>A request to erase one content from every version of an entity holding it.</summary>
public sealed record EraseRequest
{
    /// <summary>A selector of the version whose content to erase, e.g. "3".</summary>
    [JsonPropertyName("ref")]
    public required string Ref { get; init; }

    /// <summary>Why; shown wherever the erased content is read.</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary>Who erases, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
