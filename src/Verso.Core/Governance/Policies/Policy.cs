using System.Collections.Immutable;
using System.Text.Json;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Governance.Policies;

/// <summary>
/// One version of a <c>policy</c> record, read. A kind or entity policy says how changes reach the
/// entities it covers (<see cref="Approvals"/>, <see cref="Group"/>, <see cref="DirectSaves"/>); a tag
/// policy says which versions may carry the tag (<see cref="RequiredChecks"/>, <see cref="RollbackTagOnFail"/>).
/// </summary>
/// <param name="Scope">What the policy covers.</param>
/// <param name="Version">The policy version read, e.g. <c>policy/kind.agent@2</c>, named by every refusal it causes.</param>
/// <param name="Approvals">Approvals needed from distinct people other than the author; 0 for none.</param>
/// <param name="Group">When set, only approvals by members of <c>group/NAME</c> count.</param>
/// <param name="DirectSaves">Whether saves, rollbacks and imports may change the entity without a change request.</param>
/// <param name="RequiredChecks">The checks whose newest result on a version must be a pass before the tag may point at it.</param>
/// <param name="RollbackTagOnFail">A failing check on the version the tag points at moves the tag back to the newest earlier passing version.</param>
public sealed record Policy(
    PolicyScope Scope,
    VersionRef Version,
    int Approvals,
    string? Group,
    bool DirectSaves,
    ImmutableArray<string> RequiredChecks,
    bool RollbackTagOnFail)
{
    /// <summary>
    /// What happens to a breaking tool change: <c>allow</c> (the default); on a kind or entity <c>review</c>
    /// (never by a direct save, and a change request needs an approval); on a tag <c>refuse</c>, or <c>major</c>
    /// (only with a new major version of the record's declared semantic <c>version</c>).
    /// </summary>
    public string BreakingToolChanges { get; init; } = Allow;

    /// <summary>On a tag: the checks that must pass on a version that brings a breaking tool change to the tag.</summary>
    public ImmutableArray<string> BreakingToolChecks { get; init; } = [];

    /// <summary>The default <see cref="BreakingToolChanges"/>: no rule about tool changes.</summary>
    public const string Allow = "allow";

    /// <summary>A kind or entity <see cref="BreakingToolChanges"/>: only through a change request, with an approval.</summary>
    public const string Review = "review";

    /// <summary>A tag <see cref="BreakingToolChanges"/>: never onto the tag.</summary>
    public const string Refuse = "refuse";

    /// <summary>A tag <see cref="BreakingToolChanges"/>: only with a new major version of the record's declared <c>version</c>.</summary>
    public const string Major = "major";

    /// <summary>The <c>on_fail</c> value that moves a tag back.</summary>
    public const string RollbackTag = "rollback-tag";

    /// <summary>Reads a policy version; the record was validated when it was saved.</summary>
    public static Policy Read(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var document = JsonDocument.Parse(snapshot.Content);
        var root = document.RootElement;
        return new Policy(
            PolicyScope.Parse(snapshot.Key.Id),
            snapshot.Ref,
            root.TryGetProperty("approvals", out var approvals) ? approvals.GetInt32() : 0,
            root.TryGetProperty("group", out var group) && group.ValueKind == JsonValueKind.String ? group.GetString() : null,
            !root.TryGetProperty("direct_saves", out var direct) || direct.GetBoolean(),
            root.TryGetProperty("required_checks", out var checks) ? [.. checks.EnumerateArray().Select(c => c.GetString()!)] : [],
            root.TryGetProperty("on_fail", out var onFail) && onFail.GetString() == RollbackTag)
        {
            BreakingToolChanges = root.TryGetProperty(PolicyRules.BreakingToolChanges, out var tools) ? tools.GetString()! : Allow,
            BreakingToolChecks = root.TryGetProperty(PolicyRules.BreakingToolChecks, out var toolChecks) ? [.. toolChecks.EnumerateArray().Select(c => c.GetString()!)] : [],
        };
    }
}
