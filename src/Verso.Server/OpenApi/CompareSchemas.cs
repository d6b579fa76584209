namespace Verso.Server.OpenApi;

#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class ManifestEntry : VersionPointer
{
}

internal sealed class ManifestResult
{
    public DateTimeOffset? At { get; init; }
    public required string Root { get; init; }
    public required IReadOnlyList<ManifestEntry> Entries { get; init; }
}

internal sealed class ChangeEntry : VersionPointer
{
    public required long Seq { get; init; }
    public required string SavedBy { get; init; }
    public required DateTimeOffset SavedAt { get; init; }
    public required string Operation { get; init; }
}

internal sealed class ChangePage
{
    public required IReadOnlyList<ChangeEntry> Items { get; init; }
    public required long LastSeq { get; init; }
}

#pragma warning restore CA1812
