using Verso.Errors;
using Verso.Naming;
using Verso.Governance.Policies;
using Verso.Storage;

namespace Verso.Governance.Checks;

/// <summary>
/// Where the check results of one version live: the entity <c>check/KIND.ID.VERSION</c>, one version per
/// result, so reading a version's checks is one entity's history, however long the target's is.
/// </summary>
public static class CheckLedger
{
    /// <summary>The key of the check record of version <paramref name="version"/> of <paramref name="target"/>.</summary>
    /// <exception cref="InvalidNameException">kind.id.version is longer than an entity id may be.</exception>
    public static EntityKey KeyFor(EntityKey target, int version)
    {
        ArgumentNullException.ThrowIfNull(target);
        var id = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{target.Kind}.{target.Id}.{version}");
        return EntityKey.IsValidId(id)
            ? EntityKey.Create(PolicyKinds.CheckKind, id)
            : throw new InvalidNameException("check id", id, "checks are kept under KIND.ID.VERSION, which must fit in 128 characters");
    }

    /// <summary>Every result recorded on a version, oldest first.</summary>
    public static async Task<IReadOnlyList<CheckResult>> ReadAsync(IVersionStore store, EntityKey target, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var id = $"{target.Kind}.{target.Id}.{version}";
        if (!EntityKey.IsValidId(id))
        {
            return [];
        }

        var results = new List<CheckResult>();
        await foreach (var snapshot in store.GetHistoryAsync(EntityKey.Create(PolicyKinds.CheckKind, id), 0, int.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            if (snapshot.HasContent)
            {
                results.Add(CheckResult.Read(snapshot));
            }
        }

        results.Reverse();
        return results;
    }

    /// <summary>
    /// The required checks a version does not pass: each with its newest result, or null when none was
    /// recorded. Empty when every one passes.
    /// </summary>
    public static async Task<IReadOnlyList<(string Name, CheckResult? Latest)>> UnmetAsync(
        IVersionStore store, EntityKey target, int version, IEnumerable<string> required, CancellationToken cancellationToken = default)
    {
        var results = await ReadAsync(store, target, version, cancellationToken).ConfigureAwait(false);
        return [.. required
            .Select(name => (Name: name, Latest: results.LastOrDefault(r => r.Name == name)))
            .Where(check => check.Latest is not { Passed: true })];
    }
}
