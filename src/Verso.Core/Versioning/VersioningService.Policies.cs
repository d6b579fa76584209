using Verso.Canonical;
using Verso.Checks;
using Verso.Errors;
using Verso.Naming;
using Verso.Policies;
using Verso.Snapshots;
using Verso.Storage;

namespace Verso.Versioning;

// Where policies are enforced: here, under every face, so the CLI, the API and the library refuse alike.
public sealed partial class VersioningService
{
    /// <summary>
    /// Appends a version for the review services (change requests, checks, applies), past the rules
    /// that govern direct changes: those services enforce their own.
    /// </summary>
    internal Task<AppendResult> AppendForServiceAsync(
        EntityKey key, CanonicalDocument content, SaveOptions options, VersionOperation operation, CancellationToken cancellationToken) =>
        AppendAsync(key, content, options, operation, revertOf: null, Kinds.Resolve(key.Kind).SchemaVersion, cancellationToken);

    private async Task EnsureDirectChangeAllowedAsync(EntityKey key, VersionOperation operation, CancellationToken cancellationToken)
    {
        if (PolicyKinds.IsReserved(key.Kind))
        {
            throw new RefusedException(
                PolicyRules.Reserved, null, key.ToString(),
                $"{key.Kind} records are written by propose, review, apply and check, never by a {operation.ToName()}",
                "use those operations instead");
        }

        foreach (var policy in await Policies.ForEntityAsync(key, cancellationToken).ConfigureAwait(false))
        {
            if (!policy.DirectSaves)
            {
                throw new RefusedException(
                    PolicyRules.DirectSaves, policy.Version.ToString(), key.ToString(),
                    $"{key} takes changes only through an applied change request (direct_saves: false), so a {operation.ToName()} is not allowed",
                    "propose the change and have it reviewed and applied");
            }
        }
    }

    private async Task EnsureTagAllowedAsync(Snapshot version, string tag, CancellationToken cancellationToken)
    {
        if (await Policies.ForTagAsync(tag, cancellationToken).ConfigureAwait(false) is not { RequiredChecks.IsEmpty: false } policy)
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
