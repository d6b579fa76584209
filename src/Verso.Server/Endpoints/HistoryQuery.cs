using System.Globalization;
using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Server.Http;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Server.Endpoints;

// The query of a history page: where it starts (cursor or offset), whether items carry content, and the hash filter.
internal static class HistoryQuery
{
    // How many versions one read of the hash filter takes at a time.
    private const int HashScanChunk = 256;

    public static bool IncludesContent(string? include) => include switch
    {
        null or "" => false,
        "content" => true,
        _ => throw Invalid("include", $"include must be 'content', not '{include}'"),
    };

    /// <summary>The version the page starts below: head + 1, the cursor's, or head - offset + 1.</summary>
    public static int Below(int head, string? cursor, int? offset)
    {
        if (cursor is not null && offset is not null)
        {
            throw Invalid("offset", "pass either cursor or offset, not both");
        }

        if (offset is { } skip)
        {
            return skip < 0 ? throw Invalid("offset", $"offset must be 0 or more, not {skip}") : head - Math.Min(skip, head) + 1;
        }

        if (cursor is null)
        {
            return head + 1;
        }

        var text = Cursor.Decode('v', cursor);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var below) && below >= 1
            ? below
            : throw new ApiProblemException(ApiProblem.BadRequest($"invalid cursor '{cursor}'", "invalid-cursor"));
    }

    public static ContentHash FullHash(string hash) =>
        ContentHash.TryParse(hash, out var parsed) ? parsed : throw Invalid("hash", $"hash must be sha256: and 64 hex digits, not '{hash}'");

    public static async Task<List<Snapshot>> PageAsync(IVersionStore store, EntityKey key, int head, int below, int size, CancellationToken cancellationToken)
    {
        var page = new List<Snapshot>(size);
        var newest = Math.Min(below - 1, head);
        if (newest >= 1)
        {
            await foreach (var snapshot in store.GetHistoryAsync(key, head - newest, size, cancellationToken))
            {
                page.Add(snapshot);
            }
        }

        return page;
    }

    /// <summary>
    /// Every version below <paramref name="below"/> holding <paramref name="hash"/>, newest first, at most
    /// <paramref name="size"/>. The newest holder is one index read; the older ones are found by reading the
    /// history from there down, which is as long as the history below that version.
    /// </summary>
    public static async Task<List<Snapshot>> WithHashAsync(IVersionStore store, EntityKey key, ContentHash hash, int below, int size, CancellationToken cancellationToken)
    {
        var page = new List<Snapshot>(size);
        if (!ContentHashPrefix.TryParse(hash.ToString(), out var prefix))
        {
            return page;
        }

        var newest = await store.FindByHashAsync(key, prefix, 1, cancellationToken);
        if (newest.Count == 0)
        {
            return page;
        }

        var from = Math.Min(below, newest[0].Version + 1);
        while (from > 1 && page.Count < size)
        {
            var read = 0;
            await foreach (var snapshot in store.GetHistoryBeforeAsync(key, from, HashScanChunk, cancellationToken))
            {
                read++;
                from = snapshot.Version;
                if (snapshot.Hash == hash && page.Count < size)
                {
                    page.Add(snapshot);
                }
            }

            if (read == 0)
            {
                break;
            }
        }

        return page;
    }

    private static ApiProblemException Invalid(string parameter, string detail) =>
        new(ApiProblem.BadRequest(detail, "invalid-parameter").With("parameter", parameter));
}
