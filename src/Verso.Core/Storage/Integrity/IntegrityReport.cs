using System.Collections.Immutable;

namespace Verso.Storage.Integrity;

/// <summary>What <see cref="IntegrityVerifier"/> checked and what it found broken.</summary>
/// <param name="Entities">Entities checked.</param>
/// <param name="Versions">Versions checked.</param>
/// <param name="Problems">Every damaged version; empty when the store is intact.</param>
public sealed record IntegrityReport(long Entities, long Versions, ImmutableArray<IntegrityProblem> Problems)
{
    /// <summary>What the database engine said about its own pages and indexes, and reads that failed; empty when sound.</summary>
    public ImmutableArray<string> StorageProblems { get; init; } = [];

    /// <summary>The checkpoint of what was verified, when <see cref="IntegrityOptions.CheckpointAt"/> asked for one and the store is intact.</summary>
    public Checkpoint? Checkpoint { get; init; }

    /// <summary>Whether nothing is broken.</summary>
    public bool IsIntact => Problems.IsEmpty && StorageProblems.IsEmpty;
}
