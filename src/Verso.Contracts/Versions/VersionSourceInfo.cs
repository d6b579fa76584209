using System.Text.Json.Serialization;

namespace Verso.Contracts.Versions;

/// <summary>
/// Where a version came from: the git commit and file it was imported from (<c>commit</c>, <c>deleted</c>,
/// <c>path</c>), or the change request it applies (<c>approvers</c>, <c>request</c>). Only one form's members are written.
/// </summary>
public sealed record VersionSourceInfo
{
    /// <summary>For an applied change request: who approved it, ordered.</summary>
    [JsonPropertyName("approvers")]
    public IReadOnlyList<string>? Approvers { get; init; }

    /// <summary>For an applied change request: its id, e.g. <c>cr-17</c>.</summary>
    [JsonPropertyName("request")]
    public string? Request { get; init; }

    /// <summary>For an import: the full commit id.</summary>
    [JsonPropertyName("commit")]
    public string? Commit { get; init; }

    /// <summary>For an import: whether the commit deleted the file (the content is then the empty record).</summary>
    [JsonPropertyName("deleted")]
    public bool? Deleted { get; init; }

    /// <summary>For an import: the file's path in the repository, with forward slashes.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }
}
