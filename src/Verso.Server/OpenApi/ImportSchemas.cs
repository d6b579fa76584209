using System.Text.Json.Nodes;

namespace Verso.Server.OpenApi;

// Documentation of the import and whole-entity erasure JSON (documentation-only, as the groups not yet answering with Verso.Contracts keep them).
#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class ImportRequest
{
    /// <summary>The versions, in order; per entity their numbers continue the head gaplessly.</summary>
    public required IReadOnlyList<ImportedVersionInfo> Versions { get; init; }
}

internal sealed class ImportedVersionInfo
{
    public required string Kind { get; init; }
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required JsonObject Content { get; init; }
    public required string SavedBy { get; init; }
    /// <summary>ISO 8601 UTC, ending in Z or +00:00.</summary>
    public required DateTimeOffset SavedAt { get; init; }
    public string? Message { get; init; }
}

internal sealed class ImportResult
{
    public required int Created { get; init; }
    public required int Unchanged { get; init; }
    public required IReadOnlyList<Contracts.Versions.AppendOutcomeInfo> Items { get; init; }
}

internal sealed class EraseAllRequest
{
    public required string Reason { get; init; }
    public string? SavedBy { get; init; }
}

internal sealed class EntityErasureResult
{
    public required string Entity { get; init; }
    /// <summary>How many versions lost their content.</summary>
    public required int Count { get; init; }
    public required IReadOnlyList<int> Versions { get; init; }
    public required string? Tombstone { get; init; }
}

#pragma warning restore CA1812
