namespace Verso.Storage;

/// <summary>
/// A store that can re-encode the content it already holds (<c>verso gc</c>): contents written before deltas,
/// or left whole by a retention, are stored again as deltas where that is smaller. Versions, hashes, the
/// chain and every read stay as they were.
/// </summary>
public interface IContentCompaction
{
    /// <summary>Re-encodes every entity's content, one entity per transaction.</summary>
    /// <param name="cancellationToken">Stops between entities; the entities done so far stay done.</param>
    /// <returns>What was re-encoded and the stored bytes before and after.</returns>
    Task<CompactionResult> CompactAsync(CancellationToken cancellationToken = default);
}
