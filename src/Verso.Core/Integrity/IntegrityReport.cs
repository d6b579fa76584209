using System.Collections.Immutable;

namespace Verso.Integrity;

/// <summary>What <see cref="IntegrityVerifier"/> checked and what it found broken.</summary>
/// <param name="Entities">Entities checked.</param>
/// <param name="Versions">Versions checked.</param>
/// <param name="Problems">Every damaged version; empty when the store is intact.</param>
public sealed record IntegrityReport(long Entities, long Versions, ImmutableArray<IntegrityProblem> Problems)
{
    /// <summary>Whether nothing is broken.</summary>
    public bool IsIntact => Problems.IsEmpty;
}
