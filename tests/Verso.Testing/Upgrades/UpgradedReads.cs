using Verso.Documents.Hashing;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Testing.Upgrades;

/// <summary>What an upgraded store must answer for every part of the <see cref="LegacyHistory"/> it held.</summary>
internal static class UpgradedReads
{
    public static async Task AssertAsync(IVersionStore store, LegacyHistory history)
    {
        foreach (var expected in history.Versions)
        {
            var read = await store.GetVersionAsync(expected.Key, expected.Version);
            Assert.NotNull(read);
            var where = $"{expected.Key}@{expected.Version} upgraded from schema {history.Schema}";
            Assert.True(expected.Hash == read.Hash, where);
            Assert.True(expected.ChainHash == read.ChainHash, $"{where}: chain hash {read.ChainHash}");
            Assert.Equal(
                (expected.SavedBy, expected.SavedAt, expected.Message, expected.Operation, expected.SchemaVersion, expected.RevertOf, expected.Source),
                (read.SavedBy, read.SavedAt, read.Message, read.Operation, read.SchemaVersion, read.RevertOf, read.Source));
            if (LegacyRows.IsRemoved(history, expected))
            {
                Assert.Equal(history.Removal, read.Removal);
                Assert.False(read.HasContent, where);
            }
            else
            {
                Assert.True(read.HasContent, where);
                Assert.True(expected.Content.Span.SequenceEqual(read.Content.Span), $"{where}: content differs");
            }

            // The hash index answers a prefix of the hash (the newest version holding it, as ever).
            Assert.True(ContentHashPrefix.TryParse(expected.Hash.Hex[..9], out var prefix));
            var found = await store.FindByHashAsync(expected.Key, prefix, 5);
            var newest = history.Versions.Where(v => v.Key == expected.Key && v.Hash == expected.Hash).Max(v => v.Version);
            Assert.Equal([newest], found.Where(s => s.Hash == expected.Hash).Select(s => s.Version).ToArray());
        }

        foreach (var key in history.Versions.Select(v => v.Key).Distinct())
        {
            var head = await store.ListEntitiesAsync(key.Kind).SingleAsync(h => h.Key == key);
            var last = history.Versions.Last(v => v.Key == key);
            Assert.True(head.Version >= last.Version);
            if (head.Version == last.Version)
            {
                Assert.Equal((last.Hash, last.SavedAt), (head.Hash, head.SavedAt));
            }

            var moves = history.TagMoves.Where(m => m.Key == key).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
            Assert.Equal(
                moves.Select(m => new TagMove(m.Key, m.Name, m.From, m.To, m.By, m.At, m.Reason)),
                await store.GetTagHistoryAsync(key));
            foreach (var tag in moves.GroupBy(m => m.Name))
            {
                Assert.Equal(tag.Last().To, await store.GetTagAsync(key, tag.Key));
            }
        }

        if (history.Has(2))
        {
            Assert.Equal([VersionRef.ForVersion(LegacyHistory.Decision, 1)], await store.FindReferrersAsync(LegacyHistory.Alice, 3));
        }

        if (history.Has(4) && store is IChangeLog log)
        {
            var changes = await log.ReadChangesAsync(0, history.Versions.Count);
            Assert.Equal(
                history.Versions.Select(v => (VersionRef.ForVersion(v.Key, v.Version), v.Hash)),
                changes.Select(c => (c.Ref, c.Hash)));
        }
    }
}
