namespace Verso.Client.Models;

/// <summary>One new version in the change feed.</summary>
public sealed record ChangeEntry
{
    /// <summary>The store-wide sequence, increasing in commit order.</summary>
    public required long Seq { get; init; }

    /// <summary>The version's ref.</summary>
    public required string Ref { get; init; }

    /// <summary>The kind.</summary>
    public required string Kind { get; init; }

    /// <summary>The entity id.</summary>
    public required string Id { get; init; }

    /// <summary>The version number.</summary>
    public required int Version { get; init; }

    /// <summary>The content hash.</summary>
    public required string Hash { get; init; }

    /// <summary>Who saved it.</summary>
    public required string SavedBy { get; init; }

    /// <summary>When, in UTC.</summary>
    public required DateTimeOffset SavedAt { get; init; }

    /// <summary>What created it.</summary>
    public required string Operation { get; init; }
}
