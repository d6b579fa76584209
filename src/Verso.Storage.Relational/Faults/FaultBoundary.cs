using System.Runtime.CompilerServices;
using Verso.Errors;

namespace Verso.Storage.Relational.Faults;

/// <summary>
/// Where a store calls its driver, the driver's errors become Verso's (Marten's exception transformer,
/// once per store): every public operation runs inside it, so the CLI, the server and a library caller
/// all meet <see cref="StoreFailureException"/> with its cause, never a driver exception. It also
/// remembers a write that failed for a cause every write would meet (a full disk, a read-only file) until
/// a write succeeds, so a readiness probe answers for writes too.
/// </summary>
internal sealed class FaultBoundary(Func<Exception, VersoException?> translate) : IWriteReadiness
{
    private volatile StoreFailureException? _writeFault;

    /// <inheritdoc />
    public StoreFailureException? WriteFault => _writeFault;

    /// <summary>Runs a read.</summary>
    public async Task<T> ReadAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work().ConfigureAwait(false);
        }
        catch (Exception exception) when (translate(exception) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Runs a write: its success clears a remembered write fault, a failure for a lasting cause sets it.</summary>
    public async Task<T> WriteAsync<T>(Func<Task<T>> work)
    {
        T result;
        try
        {
            result = await work().ConfigureAwait(false);
        }
        catch (Exception exception) when (Remember(exception is VersoException known ? known : translate(exception)) is { } translated)
        {
            if (ReferenceEquals(translated, exception))
            {
                throw;
            }

            throw translated;
        }

        _writeFault = null;
        return result;
    }

    /// <summary>A stream of rows whose reading is a read.</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(IAsyncEnumerable<T> source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var items = source.WithCancellation(cancellationToken).ConfigureAwait(false).GetAsyncEnumerator();
        try
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await items.MoveNextAsync();
                }
                catch (Exception exception) when (translate(exception) is { } translated)
                {
                    throw translated;
                }

                if (!more)
                {
                    yield break;
                }

                yield return items.Current;
            }
        }
        finally
        {
            await items.DisposeAsync();
        }
    }

    private VersoException? Remember(VersoException? translated)
    {
        if (translated is StoreFailureException { Cause: StoreFailureCause.DiskFull or StoreFailureCause.ReadOnly } lasting)
        {
            _writeFault = lasting;
        }

        return translated;
    }
}
