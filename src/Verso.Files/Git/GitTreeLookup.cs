using System.Collections.Immutable;
using Verso.Naming;

namespace Verso.Files.Git;

/// <summary>
/// The entities one commit's tree holds, across every part of an import: what a parser reads to learn what
/// else was true at that commit, such as the charter an author had when a decision was written.
/// </summary>
public sealed class GitTreeLookup
{
    private readonly ImmutableArray<ImmutableDictionary<EntityKey, GitEntityView>> _views;
    private readonly GitRepository _repository;
    private readonly ImmutableHashSet<string> _kinds;

    internal GitTreeLookup(ImmutableArray<ImmutableDictionary<EntityKey, GitEntityView>> views, GitRepository repository, IEnumerable<string> kinds)
    {
        _views = views;
        _repository = repository;
        _kinds = [.. kinds];
    }

    /// <summary>Whether the import follows entities of <paramref name="kind"/>, so that the tree can tell whether it holds one.</summary>
    public bool Covers(string kind) => _kinds.Contains(kind);

    /// <summary>Whether the tree holds <paramref name="key"/>.</summary>
    public bool Contains(EntityKey key) => _views.Any(v => v.ContainsKey(key));

    /// <summary>What tells <paramref name="key"/>'s content in this tree from other contents (its blob id), or null when the tree does not hold it.</summary>
    public string? ContentIdOf(EntityKey key) => _views.Select(v => v.GetValueOrDefault(key)).FirstOrDefault(v => v is not null)?.ContentId;

    /// <summary>The path the tree holds <paramref name="key"/> at, or null.</summary>
    public string? PathOf(EntityKey key) => _views.Select(v => v.GetValueOrDefault(key)).FirstOrDefault(v => v is not null)?.Path;

    /// <summary>The bytes of <paramref name="key"/>'s content in the tree, or null when the tree does not hold it.</summary>
    /// <exception cref="GitException">git failed.</exception>
    public async Task<ReadOnlyMemory<byte>?> ReadAsync(EntityKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        foreach (var views in _views)
        {
            if (views.TryGetValue(key, out var view))
            {
                return await view.ReadAsync(_repository, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }
}
