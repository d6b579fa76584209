using System.Text.Json.Serialization;

namespace Verso.Contracts.Store;

/// <summary>One kind as <c>verso kinds --json</c> prints it: whether verso validates its records, and how many entities it has.</summary>
public sealed record KindCount
{
    /// <summary>The kind's name.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>Whether its records are validated (otherwise any JSON object is taken).</summary>
    [JsonPropertyName("validated")]
    public required bool Validated { get; init; }

    /// <summary>How many entities of it the store holds.</summary>
    [JsonPropertyName("entities")]
    public required int Entities { get; init; }
}
