using Verso.Storage;

namespace Verso.Scale;

internal static class Disposal
{
    // Both stores are IAsyncDisposable; disposing twice is harmless, so the load may be given the store's connections back early.
    public static ValueTask DisposeAsyncIfPossible(this IVersionStore store) =>
        store is IAsyncDisposable disposable ? disposable.DisposeAsync() : ValueTask.CompletedTask;
}
