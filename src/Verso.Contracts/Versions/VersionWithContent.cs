using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>One version with its record: what a head read, a version read and <c>verso show --json</c> answer.</summary>
public sealed record VersionWithContent : VersionMetadata
{
    /// <summary>An empty answer, to be filled (and how a reader builds one).</summary>
    public VersionWithContent()
    {
    }

    /// <summary>The version <paramref name="metadata"/> describes, with its record; the members it adds are set by the caller.</summary>
    [SetsRequiredMembers]
    public VersionWithContent(VersionMetadata metadata)
        : base(metadata)
    {
    }

    /// <summary>The record, canonical, as the stored bytes; the JSON <c>null</c> when its content was pruned or erased.</summary>
    [JsonPropertyName("content")]
    public required RawJson Content { get; init; }
}
