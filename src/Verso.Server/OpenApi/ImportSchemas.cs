using System.Text.Json.Nodes;

namespace Verso.Server.OpenApi;

// Documentation of the import and whole-entity erasure JSON (see VersionSchemas.cs for why these exist).
#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class ImportResult
{
    public required int Created { get; init; }
    public required int Unchanged { get; init; }
    public required IReadOnlyList<AppendOutcomeInfo> Items { get; init; }
}

/// <summary>A history item: the metadata, and the content when the page was asked with include=content.</summary>
internal sealed class VersionPageItem : VersionMetadata
{
    /// <summary>The record (include=content only); null when its content was pruned or erased.</summary>
    public JsonObject? Content { get; init; }
}
#pragma warning restore CA1812
