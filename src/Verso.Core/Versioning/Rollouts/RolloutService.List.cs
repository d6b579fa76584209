using Verso.Naming;

namespace Verso.Versioning.Rollouts;

public sealed partial class RolloutService
{
    /// <summary>The newest version of every rollout an entity's labels have had, by label.</summary>
    public async Task<IReadOnlyList<Rollout>> ListAsync(EntityKey entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var prefix = $"{entity.Kind}.{entity.Id}.";
        var rollouts = new List<Rollout>();
        await foreach (var head in versions.Store.ListEntitiesAsync(Kind, cancellationToken).ConfigureAwait(false))
        {
            // An id may itself hold dots, so the prefix only narrows; the record names its entity exactly.
            if (head.Key.Id.StartsWith(prefix, StringComparison.Ordinal)
                && await versions.Store.GetLatestAsync(head.Key, cancellationToken).ConfigureAwait(false) is { } snapshot
                && Rollout.Read(snapshot) is var rollout && rollout.Entity == entity)
            {
                rollouts.Add(rollout);
            }
        }

        return [.. rollouts.OrderBy(r => r.Label, StringComparer.Ordinal)];
    }
}
