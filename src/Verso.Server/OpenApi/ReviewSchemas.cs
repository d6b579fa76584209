namespace Verso.Server.OpenApi;

// Documentation of the JSON of the policy endpoints: answers as they write them. (Change requests are
// documented by their contracts, Verso.Contracts.ChangeRequests.)
#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class PolicyInfo
{
    /// <summary>The policy version in force, as a ref.</summary>
    public required string Policy { get; init; }
    public required string Scope { get; init; }
    public required int Approvals { get; init; }
    public string? Group { get; init; }
    public required bool DirectSaves { get; init; }
    public required IReadOnlyList<string> RequiredChecks { get; init; }
    public required bool RollbackTagOnFail { get; init; }
}

internal sealed class PolicyList
{
    public required IReadOnlyList<PolicyInfo> Items { get; init; }
}
#pragma warning restore CA1812
