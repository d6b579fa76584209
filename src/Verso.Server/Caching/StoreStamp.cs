using Microsoft.AspNetCore.Http;
using Verso.Storage;

namespace Verso.Server.Caching;

// The store's change stamp, read at most once per request and before anything the request reads from the
// store, so whatever the request keeps is at least as new as the stamp it is kept under (see IChangeStamp).
internal sealed class StoreStamp(IVersionStore store)
{
    private static readonly object ItemKey = new();

    public async ValueTask<string?> OfAsync(HttpContext http)
    {
        if (store is not IChangeStamp stamps)
        {
            return null;
        }

        if (http.Items.TryGetValue(ItemKey, out var known))
        {
            return (string?)known;
        }

        var stamp = await stamps.GetChangeStampAsync(http.RequestAborted).ConfigureAwait(false);
        http.Items[ItemKey] = stamp;
        return stamp;
    }
}
