using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Verso.Errors;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Governance.Policies;

/// <summary>
/// Reads the policies in force from the store: the heads of the <c>policy</c> entities whose ids name a
/// scope. A policy applies from the moment its version is saved, in every process: on a store that stamps
/// its kinds (<see cref="IKindStamp"/>) the policies read are kept until the policy kind's stamp moves, so a
/// save costs one stamp read instead of a listing and the heads; on any other store every read asks it.
/// </summary>
public sealed class PolicyBook
{
    private readonly IVersionStore _store;

    // The policy heads as listed under a stamp, and the policies read from them so far (each read at most once
    // per stamp). Replaced whole when the stamp moves; a read that raced a newer stamp only keeps newer policies.
    private volatile Generation? _kept;

    /// <summary>Creates a book over <paramref name="store"/>.</summary>
    public PolicyBook(IVersionStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>The policies that cover <paramref name="key"/>: its kind's, then its own; every one of them must hold.</summary>
    public async Task<IReadOnlyList<Policy>> ForEntityAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var entityId = $"entity.{key.Kind}.{key.Id}";
        string[] wanted = EntityKey.IsValidId(entityId) ? [PolicyScope.ForKind(key.Kind).Id, entityId] : [PolicyScope.ForKind(key.Kind).Id];
        return await ReadAsync(wanted, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The policy of tag <paramref name="tag"/>, or null when it has none.</summary>
    public async Task<Policy?> ForTagAsync(string tag, CancellationToken cancellationToken = default) =>
        (await ReadAsync([PolicyScope.ForTag(tag).Id], cancellationToken).ConfigureAwait(false)).FirstOrDefault();

    /// <summary>Every policy in force, ordered by id.</summary>
    public async Task<IReadOnlyList<Policy>> AllAsync(CancellationToken cancellationToken = default) =>
        await ReadAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>The members of <c>group/NAME</c>.</summary>
    /// <exception cref="RefusedException">The group does not exist, so nobody's approval can count.</exception>
    public async Task<ImmutableHashSet<string>> MembersAsync(Policy policy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var name = policy.Group ?? throw new ArgumentException("the policy names no group", nameof(policy));
        var group = await _store.GetLatestAsync(EntityKey.Create(PolicyKinds.GroupKind, name), cancellationToken).ConfigureAwait(false)
            ?? throw new RefusedException(
                PolicyRules.Group, policy.Version.ToString(), $"{PolicyKinds.GroupKind}/{name}",
                $"it counts approvals by members of group/{name}, which does not exist", $"save group/{name} with its members");
        using var document = JsonDocument.Parse(group.Content);
        return [.. document.RootElement.GetProperty("members").EnumerateArray().Select(m => m.GetString()!)];
    }

    /// <summary>
    /// Checks that a policy record's fields fit its scope: kind and entity policies govern changes
    /// (approvals, group, direct_saves), tag policies govern promotion (required_checks, on_fail).
    /// </summary>
    /// <exception cref="InvalidNameException">The id names no scope.</exception>
    /// <exception cref="InvalidRecordException">A field does not belong in a policy of that scope.</exception>
    public static void EnsureFits(string policyId, ReadOnlyMemory<byte> canonicalRecord)
    {
        var scope = PolicyScope.Parse(policyId);
        var tag = scope.Kind == PolicyScopeKind.Tag;
        string[] allowed = tag
            ? ["required_checks", "on_fail", PolicyRules.BreakingToolChanges, PolicyRules.BreakingToolChecks, "description"]
            : ["approvals", "group", "direct_saves", PolicyRules.BreakingToolChanges, "description"];
        using var document = JsonDocument.Parse(canonicalRecord);
        var problems = document.RootElement.EnumerateObject()
            .Where(p => !allowed.Contains(p.Name, StringComparer.Ordinal))
            .Select(p => new RecordProblem("/" + p.Name, $"does not belong in a {scope.Kind.ToString().ToLowerInvariant()} policy (it takes {string.Join(", ", allowed)})"))
            .ToList();
        if (document.RootElement.TryGetProperty(PolicyRules.BreakingToolChanges, out var tools) && tools.ValueKind == JsonValueKind.String
            && (tag ? tools.GetString() is Policy.Review : tools.GetString() is Policy.Refuse or Policy.Major))
        {
            problems.Add(new RecordProblem("/" + PolicyRules.BreakingToolChanges, tag
                ? "a tag policy takes allow, refuse or major (review is for kind and entity policies)"
                : "a kind or entity policy takes allow or review (refuse and major are for tag policies)"));
        }
        if (problems.Count > 0)
        {
            throw new InvalidRecordException(PolicyKinds.PolicyKind, problems);
        }
    }

    // The heads wanted, in the order of ids (null: all, by id), from the generation in force.
    private async Task<IReadOnlyList<Policy>> ReadAsync(string[]? ids, CancellationToken cancellationToken)
    {
        var generation = await CurrentAsync(cancellationToken).ConfigureAwait(false);
        var found = new List<Policy>();
        foreach (var key in generation.Heads)
        {
            if ((ids is null || ids.Contains(key.Id, StringComparer.Ordinal))
                && await generation.ReadAsync(_store, key, cancellationToken).ConfigureAwait(false) is { } policy)
            {
                found.Add(policy);
            }
        }

        return ids is null ? found : [.. found.OrderBy(p => Array.IndexOf(ids, p.Scope.Id))];
    }

    // The stamp is read before the listing, so what is kept under it is at least as new as the stamp says.
    private async Task<Generation> CurrentAsync(CancellationToken cancellationToken)
    {
        var stamp = _store is IKindStamp stamps ? await stamps.GetKindStampAsync(PolicyKinds.PolicyKind, cancellationToken).ConfigureAwait(false) : null;
        if (stamp is not null && _kept is { } kept && kept.Stamp == stamp)
        {
            return kept;
        }

        // One listing of the policy kind: an index read, empty in a store without policies.
        var heads = new List<EntityKey>();
        await foreach (var head in _store.ListEntitiesAsync(PolicyKinds.PolicyKind, cancellationToken).ConfigureAwait(false))
        {
            heads.Add(head.Key);
        }

        var generation = new Generation(stamp, heads);
        if (stamp is not null)
        {
            _kept = generation;
        }

        return generation;
    }

    private sealed class Generation(string? stamp, IReadOnlyList<EntityKey> heads)
    {
        private readonly ConcurrentDictionary<string, Policy?> _read = new(StringComparer.Ordinal);

        public string? Stamp => stamp;

        public IReadOnlyList<EntityKey> Heads => heads;

        public async ValueTask<Policy?> ReadAsync(IVersionStore store, EntityKey key, CancellationToken cancellationToken)
        {
            if (_read.TryGetValue(key.Id, out var known))
            {
                return known;
            }

            var snapshot = await store.GetLatestAsync(key, cancellationToken).ConfigureAwait(false);
            // A policy whose content was erased governs nothing any more; its history still says what it was.
            var policy = snapshot is { HasContent: true } ? Policy.Read(snapshot) : null;
            return _read.GetOrAdd(key.Id, policy);
        }
    }
}
