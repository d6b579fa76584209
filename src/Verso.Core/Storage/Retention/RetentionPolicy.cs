using System.Collections.Immutable;

namespace Verso.Storage.Retention;

/// <summary>
/// Which old versions may lose their content. A version keeps it while it is one of the newest
/// <see cref="KeepLatest"/> versions or was saved within <see cref="KeepWithin"/>; a head, a tagged
/// version and a version something pins always keep theirs, whatever the policy says.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>The longest span, in days, a policy keeps recent versions for: a century, far inside what a clock can subtract.</summary>
    public const int MaxKeepDays = 36_500;

    /// <summary>Creates a policy keeping the newest <paramref name="keepLatest"/> versions of each entity.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="keepLatest"/> is below 1: the head is always kept.</exception>
    public RetentionPolicy(int keepLatest)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keepLatest, 1);
        KeepLatest = keepLatest;
    }

    /// <summary>How many of the newest versions keep their content (at least 1, the head).</summary>
    public int KeepLatest { get; }

    /// <summary>When set, versions saved within this span before the prune also keep their content.</summary>
    public TimeSpan? KeepWithin
    {
        get => _keepWithin;
        init
        {
            if (value is { } span && (span < TimeSpan.Zero || span > TimeSpan.FromDays(MaxKeepDays)))
            {
                throw new ArgumentOutOfRangeException(nameof(KeepWithin), value, $"a retention span is from 0 to {MaxKeepDays} days");
            }

            _keepWithin = value;
        }
    }

    /// <summary>
    /// The versions of one entity whose content this policy drops, oldest first. Versions already without
    /// content and <paramref name="protectedVersions"/> are never chosen.
    /// </summary>
    /// <param name="versions">Every version of the entity that still has content.</param>
    /// <param name="head">The entity's head version.</param>
    /// <param name="protectedVersions">Versions that are tagged or pinned.</param>
    /// <param name="now">When the prune runs, for <see cref="KeepWithin"/>.</param>
    public ImmutableArray<int> SelectPrunable(
        IEnumerable<RetainedVersion> versions, int head, IReadOnlySet<int> protectedVersions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(protectedVersions);
        var oldestKept = head - KeepLatest + 1;
        return [.. versions
            .Where(v => v.Version < oldestKept
                && !protectedVersions.Contains(v.Version)
                && !(KeepWithin is { } span && v.SavedAt >= now - span))
            .Select(v => v.Version)
            .Order()];
    }

    private readonly TimeSpan? _keepWithin;
}
