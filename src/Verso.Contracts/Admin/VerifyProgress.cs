using System.Text.Json.Serialization;

namespace Verso.Contracts.Admin;

/// <summary>A <c>progress</c> event of a streamed verification: how many versions are checked of how many.</summary>
public sealed record VerifyProgress
{
    /// <summary>Versions checked so far.</summary>
    [JsonPropertyName("done")]
    public required long Done { get; init; }

    /// <summary>Versions in the store when the verification started.</summary>
    [JsonPropertyName("total")]
    public required long Total { get; init; }
}
