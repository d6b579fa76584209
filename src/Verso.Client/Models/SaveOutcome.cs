namespace Verso.Client.Models;

/// <summary>What a save, rollback or merge did: <c>created</c> or <c>unchanged</c>, and the head.</summary>
public sealed record SaveOutcome
{
    /// <summary><c>created</c> or <c>unchanged</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The head's ref.</summary>
    public required string Ref { get; init; }

    /// <summary>The head's version number.</summary>
    public required int Version { get; init; }

    /// <summary>The head's content hash.</summary>
    public required string Hash { get; init; }

    /// <summary>For a rollback: the version restored.</summary>
    public int? RevertOf { get; init; }

    /// <summary>The head's ETag, for a following <c>If-Match</c>.</summary>
    public string? ETag { get; init; }

    /// <summary>Whether a version was created.</summary>
    public bool Created => Status == "created";
}
