using System.Text.Json.Serialization;

namespace Verso.Contracts.ChangeRequests;

/// <summary>One change request with its diff against its base and against the current head.</summary>
public sealed record ChangeRequestDetail
{
    /// <summary>The request.</summary>
    [JsonPropertyName("request")]
    public required ChangeRequestInfo Request { get; init; }

    /// <summary>The target's head now (0: it has none).</summary>
    [JsonPropertyName("head_version")]
    public required int HeadVersion { get; init; }

    /// <summary>The proposal compared with its base.</summary>
    [JsonPropertyName("diff_base")]
    public required IReadOnlyList<FieldChange> DiffBase { get; init; }

    /// <summary>The proposal compared with the head.</summary>
    [JsonPropertyName("diff_head")]
    public required IReadOnlyList<FieldChange> DiffHead { get; init; }
}
