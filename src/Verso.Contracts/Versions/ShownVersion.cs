using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>One version as <c>verso show --json</c> prints it: its metadata, the checks recorded on it, its record.</summary>
public sealed record ShownVersion : VersionMetadata
{
    /// <summary>An empty answer, to be filled (and how a reader builds one).</summary>
    public ShownVersion()
    {
    }

    /// <summary>The version <paramref name="metadata"/> describes, as verso show prints it, with <paramref name="checks"/> and <paramref name="content"/>.</summary>
    [SetsRequiredMembers]
    public ShownVersion(VersionMetadata metadata, IReadOnlyList<VersionCheck> checks, RawJson content)
        : base(metadata)
    {
        Checks = checks;
        Content = content;
    }

    /// <summary>The check results recorded on the version, oldest first.</summary>
    [JsonPropertyName("checks")]
    public required IReadOnlyList<VersionCheck> Checks { get; init; }

    /// <summary>The record, canonical; the JSON <c>null</c> when its content was pruned or erased.</summary>
    [JsonPropertyName("content")]
    public required RawJson Content { get; init; }
}
