using Verso.Errors;
using Verso.Versioning;

namespace Verso.Model.Kinds;

/// <summary>
/// Which kinds exist, for a user typing one: the registered kinds and every kind the store already holds. A
/// save to any other kind must say it creates one (the CLI's <c>--new-kind</c>, the API's <c>new_kind=true</c>),
/// and is told the nearest known kind, so <c>agnet</c> does not become a kind by accident.
/// </summary>
public static class KindNames
{
    /// <summary>Whether <paramref name="kind"/> is registered or held by the store (one index lookup for the latter).</summary>
    public static async Task<bool> IsKnownAsync(VersioningService service, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (service.Kinds.Registered.Any(k => k.Name == kind))
        {
            return true;
        }

        await foreach (var _ in service.Store.ListEntitiesAsync(kind, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        return false;
    }

    /// <summary>Refuses a kind that is not known unless <paramref name="createNew"/> says it is meant.</summary>
    /// <exception cref="UnknownKindException">The kind is unknown and not confirmed; carries the nearest known kind.</exception>
    public static async Task EnsureKnownAsync(VersioningService service, string kind, bool createNew, CancellationToken cancellationToken = default)
    {
        if (createNew || await IsKnownAsync(service, kind, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        throw new UnknownKindException(kind, await NearestAsync(service, kind, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The known kind nearest to <paramref name="typed"/> when it is close enough to be a typo, else null.</summary>
    public static async Task<string?> NearestAsync(VersioningService service, string typed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(service);
        var known = new SortedSet<string>(service.Kinds.Registered.Select(k => k.Name).Where(k => !InternalKinds.IsInternal(k)), StringComparer.Ordinal);
        await foreach (var head in service.Store.ListAllHeadsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!InternalKinds.IsInternal(head.Key.Kind))
            {
                known.Add(head.Key.Kind);
            }
        }

        return Nearest(typed, known);
    }

    /// <summary>The candidate nearest to <paramref name="typed"/> (edits, a swap of neighbours counting one) within a third of its length (at least 2).</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(candidates);
        var best = candidates.Where(c => c != typed).Select(c => (Name: c, Distance: Distance(typed, c)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 3) ? best.Name : null;
    }

    // Damerau-Levenshtein (optimal string alignment): agnet → agent is one edit.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
