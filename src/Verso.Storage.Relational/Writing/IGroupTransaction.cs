using System.Data.Common;
using Verso.Storage;

namespace Verso.Storage.Relational.Writing;

// One store's write transaction as the group commit drives it: appends, then one commit or a rollback.
internal interface IGroupTransaction : IAsyncDisposable
{
    /// <summary>The open transaction; the group commit commits it, or disposes of it to roll it back.</summary>
    DbTransaction Transaction { get; }

    /// <summary>Appends one version inside <see cref="Transaction"/>, with the checks of the store contract.</summary>
    Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Before the group's appends: what the store can lock at once for all of <paramref name="requests"/> (PostgreSQL: their
    /// heads, in key order, so two processes' groups queue instead of deadlocking). Nothing by default.
    /// </summary>
    Task LockAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Appends one caller's versions in order inside <see cref="Transaction"/>, each seeing the ones before it.</summary>
    async Task<IReadOnlyList<AppendResult>> AppendAllAsync(IReadOnlyList<AppendRequest> requests, CancellationToken cancellationToken)
    {
        var results = new List<AppendResult>(requests.Count);
        foreach (var request in requests)
        {
            results.Add(await AppendAsync(request, cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    /// <summary>Commits <see cref="Transaction"/>, first sending whatever the appends left to send with it.</summary>
    Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);
}
