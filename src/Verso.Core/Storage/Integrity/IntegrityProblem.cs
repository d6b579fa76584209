using Verso.Naming;

namespace Verso.Storage.Integrity;

/// <summary>One damaged version: which, and what is wrong with it.</summary>
/// <param name="Ref">The version.</param>
/// <param name="Reason">What is wrong, in one line.</param>
public sealed record IntegrityProblem(VersionRef Ref, string Reason)
{
    /// <summary>The problem as one line: <c>agent/alice@3: reason</c>.</summary>
    public override string ToString() => $"{Ref}: {Reason}";
}
