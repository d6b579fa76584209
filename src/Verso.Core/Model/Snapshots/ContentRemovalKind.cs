namespace Verso.Model.Snapshots;

/// <summary>Why a version no longer has its content.</summary>
public enum ContentRemovalKind
{
    /// <summary>Dropped by a retention policy (<c>verso prune</c>): an old version nothing needed.</summary>
    Pruned,

    /// <summary>Erased on purpose (<c>verso erase</c>), for example because it held personal data.</summary>
    Erased,
}
