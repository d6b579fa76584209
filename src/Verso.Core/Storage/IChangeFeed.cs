namespace Verso.Storage;

/// <summary>
/// New versions as they land, from the moment the feed was opened (see
/// <see cref="IVersionStore.SubscribeAsync"/>), in the order the store committed them.
/// </summary>
public interface IChangeFeed : IAsyncDisposable
{
    /// <summary>The events, until <paramref name="cancellationToken"/> is cancelled.</summary>
    IAsyncEnumerable<VersionEvent> ReadAsync(CancellationToken cancellationToken = default);
}
