using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Model.Lineage;

/// <summary>
/// Reads lineage records (<see cref="EntityLineage"/>): an entity's status, and the chain of entities it was
/// renamed from, so that a history can be followed across a rename as <c>git log --follow</c> follows a file.
/// The CLI's <c>log --follow</c> reads through here, and so can an API endpoint.
/// </summary>
public sealed class LineageReader
{
    /// <summary>How many renames a chain follows at most; a longer one is cut there.</summary>
    public const int MaxChain = 64;

    private readonly IVersionStore _store;

    /// <summary>Creates a reader over <paramref name="store"/>.</summary>
    public LineageReader(IVersionStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary><paramref name="entity"/>'s current lineage, or null when none is recorded.</summary>
    public async Task<EntityLineage?> GetAsync(EntityKey entity, CancellationToken cancellationToken = default)
    {
        var head = await _store.GetLatestAsync(EntityLineage.KeyOf(entity), cancellationToken).ConfigureAwait(false);
        return head is null || head.Removal is not null ? null : EntityLineage.FromJson(head.Content);
    }

    /// <summary>
    /// <paramref name="entity"/> and the entities it was renamed from, newest name first:
    /// <c>[agent/flight, agent/keaton]</c>. A chain that comes back to a name already in it stops there.
    /// </summary>
    public async Task<ImmutableArray<EntityKey>> FollowAsync(EntityKey entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var chain = ImmutableArray.CreateBuilder<EntityKey>();
        var seen = new HashSet<EntityKey>();
        for (EntityKey? current = entity; current is not null && chain.Count < MaxChain && seen.Add(current);)
        {
            chain.Add(current);
            current = (await GetAsync(current, cancellationToken).ConfigureAwait(false))?.RenamedFrom;
        }

        return chain.ToImmutable();
    }

    /// <summary>
    /// The versions of <paramref name="entity"/> and of every entity it was renamed from, newest first: the
    /// entity's own versions, then its predecessor's, and so on (as <c>git log --follow</c> lists a renamed file).
    /// </summary>
    public async IAsyncEnumerable<Snapshot> GetHistoryAsync(EntityKey entity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var key in await FollowAsync(entity, cancellationToken).ConfigureAwait(false))
        {
            await foreach (var snapshot in _store.GetHistoryAsync(key, 0, int.MaxValue, cancellationToken).ConfigureAwait(false))
            {
                yield return snapshot;
            }
        }
    }
}
