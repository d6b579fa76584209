using Verso.Documents.Canonical;
using Verso.Governance.Checks;
using Verso.Errors;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Versioning;

// Where policies are enforced: here, under every face, so the CLI, the API and the library refuse alike.
public sealed partial class VersioningService
{
    /// <summary>
    /// Appends a version for the review services (change requests, checks, applies), past the rules
    /// that govern direct changes: those services enforce their own. <paramref name="owner"/> is the reserved
    /// kind the calling service owns and writes here (its narrow way past the reserved-kind guard); an apply
    /// passes null, so a change request never writes a reserved kind.
    /// </summary>
    internal Task<AppendResult> AppendForServiceAsync(
        EntityKey key, CanonicalDocument content, SaveOptions options, VersionOperation operation, string? owner, CancellationToken cancellationToken) =>
        AppendAsync(key, content, options, operation, revertOf: null, Kinds.Resolve(key.Kind).SchemaVersion, cancellationToken, owner);

    // Null when the change may go ahead; the head, unchanged, when a refused change would have changed
    // nothing (so re-importing an exported protected entity is a no-op, not a refusal).
    private async Task<AppendResult?> EnsureDirectChangeAllowedAsync(
        EntityKey key, CanonicalDocument content, bool force, VersionOperation operation, CancellationToken cancellationToken)
    {
        RefusedException? refusal = null;
        IReadOnlyList<Policy> policies = IsReservedKind(key.Kind) ? [] : await Policies.ForEntityAsync(key, cancellationToken).ConfigureAwait(false);
        if (IsReservedKind(key.Kind))
        {
            refusal = ReservedRefusal(key, operation.ToName());
        }
        else if (policies.FirstOrDefault(p => !p.DirectSaves) is { } policy)
        {
            refusal = new RefusedException(
                PolicyRules.DirectSaves, policy.Version.ToString(), key.ToString(),
                $"{key} takes changes only through an applied change request (direct_saves: false), so a {operation.ToName()} is not allowed",
                "propose the change and have it reviewed and applied");
        }

        if (refusal is null)
        {
            await EnsureNoUnreviewedToolBreakAsync(key, content, operation, policies, cancellationToken).ConfigureAwait(false);
            return null;
        }

        return !force && await Store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false) is { } head && head.Hash == content.Hash
            ? new AppendResult(AppendOutcome.Unchanged, head)
            : throw refusal;
    }

    private async Task EnsureTagAllowedAsync(Snapshot version, string tag, CancellationToken cancellationToken)
    {
        if (await Policies.ForTagAsync(tag, cancellationToken).ConfigureAwait(false) is not { } policy)
        {
            return;
        }

        await EnsureToolChangesMayReachTagAsync(version, tag, policy, cancellationToken).ConfigureAwait(false);
        if (policy.RequiredChecks.IsEmpty)
        {
            return;
        }

        var unmet = await CheckLedger.UnmetAsync(Store, version.Key, version.Version, policy.RequiredChecks, cancellationToken).ConfigureAwait(false);
        if (unmet.Count > 0)
        {
            var what = string.Join(", ", unmet.Select(u => u.Latest is null ? $"'{u.Name}' has no result" : $"'{u.Name}' last failed ({u.Latest.By})"));
            throw new RefusedException(
                PolicyRules.RequiredChecks, policy.Version.ToString(), version.Ref.ToString(),
                $"{tag} needs {string.Join(", ", policy.RequiredChecks.Select(c => c + ": pass"))} on {version.Ref}, and {what}",
                $"record a passing {string.Join(", ", unmet.Select(u => u.Name))} check on {version.Ref}");
        }
    }
}
