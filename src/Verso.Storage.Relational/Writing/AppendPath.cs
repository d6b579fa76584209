using Verso.Storage;

namespace Verso.Storage.Relational.Writing;

/// <summary>
/// The write path both stores take: an append whose content the head already has is answered from a read
/// (it never waits for a writer); anything else goes to the store's commit, which re-checks it under the
/// store's locks, so the answer is the same as if every append had taken them.
/// </summary>
internal static class AppendPath
{
    /// <summary>One append: <paramref name="tryUnchanged"/> first unless forced or expected to change, then <paramref name="commit"/>.</summary>
    public static async Task<AppendResult> AppendAsync(
        AppendRequest request, Func<Task<AppendResult?>> tryUnchanged, Func<IReadOnlyList<AppendRequest>, Task<IReadOnlyList<AppendResult>>> commit)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Force && !request.ExpectsChange && await tryUnchanged().ConfigureAwait(false) is { } unchanged)
        {
            return unchanged;
        }

        return (await commit([request]).ConfigureAwait(false))[0];
    }

    /// <summary>Several appends, all or nothing, in one commit.</summary>
    public static async Task<IReadOnlyList<AppendResult>> AppendBatchAsync(
        IReadOnlyList<AppendRequest> requests, Func<IReadOnlyList<AppendRequest>, Task<IReadOnlyList<AppendResult>>> commit)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request);
        }

        return requests.Count == 0 ? [] : await commit(requests).ConfigureAwait(false);
    }
}
