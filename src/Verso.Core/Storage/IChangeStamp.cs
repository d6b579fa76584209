namespace Verso.Storage;

/// <summary>
/// A store that can say cheaply whether anything in it changed (a version appended, content pruned or erased,
/// a tag moved), by any process or instance, so a reader can keep what it rendered from the store until then.
/// </summary>
public interface IChangeStamp
{
    /// <summary>
    /// An opaque stamp: equal to an earlier one only when nothing committed in the store between the two calls.
    /// Read it before reading what is kept: a commit after the stamp then always changes the next stamp.
    /// Null when the store cannot tell (nothing read from it may then be kept).
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<string?> GetChangeStampAsync(CancellationToken cancellationToken = default);
}
