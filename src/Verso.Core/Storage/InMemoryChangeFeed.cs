using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Verso.Storage;

// A subscriber of the in-memory store: appends write to its channel under the store's lock.
internal sealed class InMemoryChangeFeed(string? kind, Action<InMemoryChangeFeed> unsubscribe) : IChangeFeed
{
    private readonly Channel<VersionEvent> _events = Channel.CreateUnbounded<VersionEvent>();

    public void Publish(VersionEvent @event)
    {
        if (kind is null || @event.Ref.Key.Kind == kind)
        {
            _events.Writer.TryWrite(@event);
        }
    }

    public async IAsyncEnumerable<VersionEvent> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var @event in _events.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return @event;
        }
    }

    public ValueTask DisposeAsync()
    {
        unsubscribe(this);
        _events.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
