using System.Collections.Immutable;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Versioning;

namespace Verso.Files.Git;

/// <summary>
/// Finds where an earlier import of the same history stopped, per entity, so that a re-run saves only
/// what is new. An entity's resume point is the walk position of the commit behind its newest imported
/// version that this walk holds: every step at or before it was taken (as a version or as unchanged
/// content) by the run that created that version, because walks of the same history are in the same order.
/// </summary>
/// <remarks>
/// A version names its commit by its <see cref="VersionSource"/> when the store keeps it; otherwise by the
/// commit's author, author date (to the second) and subject, which the version keeps as saved_by,
/// saved_at and message. When several commits share those, the latest one counts.
/// </remarks>
internal sealed class GitImportResume
{
    private readonly VersioningService _service;
    private readonly Dictionary<string, int> _positions = new(StringComparer.Ordinal);
    private readonly Dictionary<(long Seconds, string Author, string Subject), int> _fingerprints = [];
    private readonly Dictionary<EntityKey, int> _resumeAfter = [];

    public GitImportResume(VersioningService service, ImmutableArray<GitCommit> commits)
    {
        _service = service;
        for (var i = 0; i < commits.Length; i++)
        {
            _positions[commits[i].Id] = i;
            _fingerprints[(commits[i].AuthorDate.ToUnixTimeSeconds(), commits[i].Author, commits[i].Subject)] = i;
        }
    }

    /// <summary>The walk position of commit <paramref name="commitId"/>.</summary>
    public int PositionOf(string commitId) => _positions[commitId];

    /// <summary>Whether an earlier import already took <paramref name="key"/>'s step at walk position <paramref name="position"/>.</summary>
    public async ValueTask<bool> IsImportedAsync(EntityKey key, int position, CancellationToken cancellationToken)
    {
        if (!_resumeAfter.TryGetValue(key, out var resumeAfter))
        {
            _resumeAfter[key] = resumeAfter = await FindResumePointAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return position <= resumeAfter;
    }

    private async Task<int> FindResumePointAsync(EntityKey key, CancellationToken cancellationToken)
    {
        // Newest first: the first imported version this walk knows is where the earlier run got to.
        await foreach (var version in _service.GetHistoryAsync(key, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (version.Operation == VersionOperation.Import && PositionOf(version) is var position and >= 0)
            {
                return position;
            }
        }

        return -1;
    }

    private int PositionOf(Snapshot version)
    {
        if (version.Source is { } source)
        {
            return _positions.GetValueOrDefault(source.Commit, -1);
        }

        // Author dates are whole seconds; a version saved at any other instant came from elsewhere.
        if (version.SavedAt.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return -1;
        }

        return _fingerprints.GetValueOrDefault((version.SavedAt.ToUnixTimeSeconds(), version.SavedBy, version.Message ?? ""), -1);
    }
}
