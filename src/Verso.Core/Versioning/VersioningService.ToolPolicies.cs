using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Governance.Checks;
using Verso.Errors;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Documents.Schemas;
using Verso.Model.Snapshots;
using Verso.Versioning.Tools;

namespace Verso.Versioning;

// The policies about breaking tool changes, enforced where the other policies are.
public sealed partial class VersioningService
{
    /// <summary>
    /// The breaking changes to the tools a record of <paramref name="key"/>'s kind declares, from
    /// <paramref name="from"/> (null: the entity had no version) to the content <paramref name="to"/>;
    /// empty when the kind declares no tools.
    /// </summary>
    /// <exception cref="NotFoundException">A referenced tool version does not exist.</exception>
    public async Task<ImmutableArray<ToolChange>> BreakingToolChangesAsync(
        EntityKey key, ReadOnlyMemory<byte>? from, ReadOnlyMemory<byte> to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Kinds.Resolve(key.Kind).Tools is not { } locator || from is null)
        {
            return [];
        }

        var changes = await ToolCompatibility.ChangesAsync(
            locator, JsonLimits.ParseNode(from.Value.Span), JsonLimits.ParseNode(to.Span), ToolCompatibility.Reading(this), cancellationToken).ConfigureAwait(false);
        return [.. changes.Where(c => c.Level == SchemaChangeLevel.Breaking)];
    }

    // A direct save, import or rollback under a "review" policy may not carry a breaking tool change.
    private async Task EnsureNoUnreviewedToolBreakAsync(
        EntityKey key, CanonicalDocument content, VersionOperation operation, IReadOnlyList<Policy> policies, CancellationToken cancellationToken)
    {
        if (Kinds.Resolve(key.Kind).Tools is null
            || policies.FirstOrDefault(p => p.BreakingToolChanges == Policy.Review) is not { } policy
            || await Store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false) is not { HasContent: true } head)
        {
            return;
        }

        var breaking = await BreakingToolChangesAsync(key, head.Content, content.Utf8, cancellationToken).ConfigureAwait(false);
        if (!breaking.IsEmpty)
        {
            throw new RefusedException(
                PolicyRules.BreakingToolChanges, policy.Version.ToString(), key.ToString(),
                $"{key} takes breaking tool changes only through a reviewed change request, so a {operation.ToName()} may not bring {Describe(breaking)}",
                "propose the change and have it approved and applied");
        }
    }

    // Moving a tag: the tool changes from the version it points at now to the one it would point at.
    private async Task EnsureToolChangesMayReachTagAsync(Snapshot version, string tag, Policy policy, CancellationToken cancellationToken)
    {
        if (policy.BreakingToolChanges == Policy.Allow && policy.BreakingToolChecks.IsEmpty
            || await Store.GetTagAsync(version.Key, tag, cancellationToken).ConfigureAwait(false) is not { } current
            || current == version.Version)
        {
            return;
        }

        var tagged = await Store.GetVersionAsync(version.Key, current, cancellationToken).ConfigureAwait(false);
        if (tagged is not { HasContent: true })
        {
            return;
        }

        var breaking = await BreakingToolChangesAsync(version.Key, tagged.Content, version.Content, cancellationToken).ConfigureAwait(false);
        if (breaking.IsEmpty)
        {
            return;
        }

        var what = Describe(breaking);
        if (policy.BreakingToolChanges == Policy.Refuse)
        {
            throw new RefusedException(
                PolicyRules.BreakingToolChanges, policy.Version.ToString(), version.Ref.ToString(),
                $"{tag} takes no breaking tool change, and {tagged.Ref} → {version.Ref} brings {what}",
                "make the tool change compatible, or tag a version without it");
        }

        if (policy.BreakingToolChanges == Policy.Major)
        {
            var (was, now) = (DeclaredVersion(tagged), DeclaredVersion(version));
            if (Major(now) is not { } nowMajor || Major(was) is { } wasMajor && nowMajor <= wasMajor)
            {
                throw new RefusedException(
                    PolicyRules.BreakingToolChanges, policy.Version.ToString(), version.Ref.ToString(),
                    $"{tag} takes a breaking tool change only with a new major version, and {version.Ref} declares version {now ?? "none"} after {tagged.Ref}'s {was ?? "none"} while it brings {what}",
                    $"declare a new major version in {version.Key}'s version field, or make the tool change compatible");
            }
        }

        var unmet = await CheckLedger.UnmetAsync(Store, version.Key, version.Version, policy.BreakingToolChecks, cancellationToken).ConfigureAwait(false);
        if (unmet.Count > 0)
        {
            throw new RefusedException(
                PolicyRules.BreakingToolChecks, policy.Version.ToString(), version.Ref.ToString(),
                $"{tag} takes a breaking tool change only with {string.Join(", ", policy.BreakingToolChecks.Select(c => c + ": pass"))} on {version.Ref}, and it brings {what}",
                $"record a passing {string.Join(", ", unmet.Select(u => u.Name))} check on {version.Ref}");
        }
    }

    private static string Describe(ImmutableArray<ToolChange> breaking) =>
        $"{breaking.Length} breaking tool change{(breaking.Length == 1 ? "" : "s")}: {string.Join("; ", breaking.Take(5))}{(breaking.Length > 5 ? "; …" : "")}";

    private static string? DeclaredVersion(Snapshot snapshot) =>
        JsonLimits.ParseNode(snapshot.Content.Span) is JsonObject record && record["version"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Major(string? semver)
    {
        var dot = semver?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        return dot > 0 && int.TryParse(semver![..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var major) ? major : null;
    }
}
