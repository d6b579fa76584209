using System.Text.Json.Serialization;

namespace Verso.Contracts.Store;

/// <summary>What a probe answers: <c>ok</c> (the process) or <c>ready</c> (the store).</summary>
public sealed record HealthStatus
{
    /// <summary>ok or ready.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }
}
