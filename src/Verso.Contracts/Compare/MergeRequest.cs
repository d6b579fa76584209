using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Compare;

/// <summary>A request to merge two edits made from one base: ours and theirs (a version, or a record given here).</summary>
public sealed record MergeRequest
{
    /// <summary>The version both edits started from.</summary>
    [JsonPropertyName("base")]
    public required int Base { get; init; }

    /// <summary>Our edit: a version number.</summary>
    [JsonPropertyName("ours")]
    public required int Ours { get; init; }

    /// <summary>Their edit as a version number (or give content).</summary>
    [JsonPropertyName("theirs")]
    public int? Theirs { get; init; }

    /// <summary>Their edit as a record (or give theirs).</summary>
    [JsonPropertyName("content")]
    public JsonObject? Content { get; init; }

    /// <summary>Save a clean merge as a new version (needs a writer).</summary>
    [JsonPropertyName("save")]
    public bool? Save { get; init; }

    /// <summary>Why; kept with the version after the parents.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>The head the save expects (0: none yet), as If-Match does.</summary>
    [JsonPropertyName("expected_version")]
    public int? ExpectedVersion { get; init; }

    /// <summary>Who saves, on a server without tokens.</summary>
    [JsonPropertyName("saved_by")]
    public string? SavedBy { get; init; }
}
