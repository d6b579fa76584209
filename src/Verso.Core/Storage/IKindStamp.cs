namespace Verso.Storage;

/// <summary>
/// A store that can say cheaply whether the records of one kind changed, by any process or instance: what the
/// versioning service keeps its parsed policies under, so a save reads them only after a policy changed.
/// </summary>
public interface IKindStamp
{
    /// <summary>
    /// An opaque stamp of <paramref name="kind"/>'s records: equal to an earlier one only when no entity of the
    /// kind got a version and no content of one was pruned or erased between the two calls. Read it before
    /// reading what is kept under it. Null when the store cannot tell (nothing read may then be kept).
    /// </summary>
    /// <param name="kind">The kind whose records are watched.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<string?> GetKindStampAsync(string kind, CancellationToken cancellationToken = default);
}
