using System.Text.Json.Nodes;

namespace Verso.Server.OpenApi;

// Documentation of the JSON the Verso.Json writers produce: the OpenAPI document is generated from these
// types, and the contract tests check every response against it, so a shape that drifts fails CI.
// snake_case names come from the document's naming policy.
#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

/// <summary>What names one version: its ref, kind, id, number and content hash (every answer about a version starts so).</summary>
internal abstract class VersionPointer
{
    public required string Ref { get; init; }
    public required string Kind { get; init; }
    public required string Id { get; init; }
    public required int Version { get; init; }
    public required string Hash { get; init; }
}

internal class VersionMetadata : VersionPointer
{
    public required string SavedBy { get; init; }
    public required DateTimeOffset SavedAt { get; init; }
    public required string? Message { get; init; }
    public required string Operation { get; init; }
    public required int SchemaVersion { get; init; }
    public int? RevertOf { get; init; }
    public VersionSourceInfo? Source { get; init; }
    public RemovalInfo? Removed { get; init; }
}

internal sealed class VersionWithContent : VersionMetadata
{
    /// <summary>The record, canonical; null when its content was pruned or erased.</summary>
    public required JsonObject? Content { get; init; }
}

internal sealed class VersionSourceInfo
{
    public required string Commit { get; init; }
    public required bool Deleted { get; init; }
    public required string Path { get; init; }
}

internal sealed class RemovalInfo
{
    public required string Kind { get; init; }
    public required string By { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string? Reason { get; init; }
}

internal sealed class AppendOutcomeInfo : VersionPointer
{
    /// <summary>created or unchanged.</summary>
    public required string Status { get; init; }
    public int? RevertOf { get; init; }
}

internal sealed class VersionPage
{
    public required string Ref { get; init; }
    public required int Head { get; init; }
    public required IReadOnlyList<VersionPageItem> Items { get; init; }
    public required string? NextCursor { get; init; }
}

internal sealed class EntityItem : VersionPointer
{
    public required string? SavedBy { get; init; }
    public required DateTimeOffset SavedAt { get; init; }
    public required IReadOnlyDictionary<string, int> Tags { get; init; }
}

internal sealed class EntityPage
{
    public required IReadOnlyList<EntityItem> Items { get; init; }
    public required string? NextCursor { get; init; }
}

internal sealed class KindInfo
{
    public required string Kind { get; init; }
    public required bool Registered { get; init; }
    public required int SchemaVersion { get; init; }
    public required long Entities { get; init; }
}

internal sealed class KindList
{
    public required IReadOnlyList<KindInfo> Kinds { get; init; }
}

internal sealed class HealthStatus
{
    public required string Status { get; init; }
}
#pragma warning restore CA1812
