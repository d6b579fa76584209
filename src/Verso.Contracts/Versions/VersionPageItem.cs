using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Verso.Contracts.Json;

namespace Verso.Contracts.Versions;

/// <summary>One version of a history page: its metadata, and its record when the page was asked to include content.</summary>
public sealed record VersionPageItem : VersionMetadata
{
    /// <summary>An empty answer, to be filled (and how a reader builds one).</summary>
    public VersionPageItem()
    {
    }

    /// <summary>The version <paramref name="metadata"/> describes, on a history page; the members it adds are set by the caller.</summary>
    [SetsRequiredMembers]
    public VersionPageItem(VersionMetadata metadata)
        : base(metadata)
    {
    }

    /// <summary>The record (include=content only); the JSON <c>null</c> when its content was pruned or erased.</summary>
    [JsonPropertyName("content")]
    public RawJson? Content { get; init; }
}
