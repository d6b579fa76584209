namespace Verso.Client.Models;

/// <summary>One page of an entity's history, newest first.</summary>
public sealed record VersionPage
{
    /// <summary>The head version number.</summary>
    public required int Head { get; init; }

    /// <summary>The versions of this page (metadata only).</summary>
    public required IReadOnlyList<VersionInfo> Items { get; init; }

    /// <summary>The cursor of the next page; null on the last.</summary>
    public string? NextCursor { get; init; }
}
