using Verso.Storage.Integrity;
using Verso.Storage.Retention;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Testing.Contract;

// Long histories of one large record, which a store may keep as deltas: every version reads back byte for
// byte, through single appends, batches, reverts, prunes and erasures, and verify stays clean.
public abstract partial class VersionStoreContract
{
    [Fact]
    public async Task EveryVersionOfALongHistoryOfEditsReadsBackByteForByte()
    {
        var key = Some.Key();
        const int Versions = 150;
        for (var n = 0; n < 50; n++)
        {
            await Store.AppendAsync(Some.Append(key, Charters.Edited(n)));
        }

        await Store.AppendBatchAsync([.. Enumerable.Range(50, 90).Select(n => Some.Append(key, Charters.Edited(n)))]);
        // Reverts to contents stored long before, then on from there.
        for (var n = 140; n < Versions; n++)
        {
            await Store.AppendAsync(Some.Append(key, Charters.Edited(n % 2 == 0 ? n - 139 : n)));
        }

        for (var version = 1; version <= Versions; version++)
        {
            var n = version - 1;
            var expected = n < 140 ? Charters.Edited(n) : Charters.Edited(n % 2 == 0 ? n - 139 : n);
            var read = (await Store.GetVersionAsync(key, version))!;
            Assert.True(expected.Utf8.Span.SequenceEqual(read.Content.Span), $"@{version} reads other bytes");
        }

        var page = await Store.GetHistoryAsync(key, 0, Versions).ToListAsync();
        Assert.Equal(Versions, page.Count);
        Assert.All(page, s => Assert.Equal(s.Hash, Verso.Documents.Hashing.ContentHash.Compute(s.Content.Span)));
        var report = await IntegrityVerifier.VerifyAsync(Store);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
    }

    [Fact]
    public async Task PruningALongHistoryKeepsEveryRemainingVersionReadable()
    {
        var key = Some.Key();
        await Store.AppendBatchAsync([.. Enumerable.Range(0, 80).Select(n => Some.Append(key, Charters.Edited(n)))]);
        await Store.MoveTagAsync(new TagMove(key, "kept", null, 37, "alice", Some.Instant, null));

        var result = await Store.PruneAsync(key, new RetentionPolicy(9), Pruning);

        Assert.Equal(70, result.Versions.Length);
        // New versions build on what stayed.
        await Store.AppendBatchAsync([.. Enumerable.Range(80, 20).Select(n => Some.Append(key, Charters.Edited(n)))]);
        foreach (var version in new[] { 37 }.Concat(Enumerable.Range(72, 28)))
        {
            var read = (await Store.GetVersionAsync(key, version))!;
            Assert.True(read.HasContent, $"@{version} lost its content");
            Assert.True(Charters.Edited(version - 1).Utf8.Span.SequenceEqual(read.Content.Span), $"@{version} reads other bytes");
        }

        Assert.False((await Store.GetVersionAsync(key, 36))!.HasContent);
        var report = await IntegrityVerifier.VerifyAsync(Store);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
    }

    [Fact]
    public async Task ErasingContentsOthersMayBeBuiltOnKeepsEveryOtherVersionReadable()
    {
        var key = Some.Key();
        await Store.AppendBatchAsync([.. Enumerable.Range(0, 40).Select(n => Some.Append(key, Charters.Edited(n)))]);
        var erasure = new ContentRemoval(ContentRemovalKind.Erased, "dpo", Some.Instant.AddDays(1), "personal data");

        // The first version is the first keyframe of any delta scheme; a middle one may be another.
        foreach (var version in new[] { 1, 20, 21 })
        {
            await Store.EraseAsync(key, Charters.Edited(version - 1).Hash, erasure);
        }

        for (var version = 1; version <= 40; version++)
        {
            var read = (await Store.GetVersionAsync(key, version))!;
            if (version is 1 or 20 or 21)
            {
                Assert.Equal(erasure, read.Removal);
                continue;
            }

            Assert.True(Charters.Edited(version - 1).Utf8.Span.SequenceEqual(read.Content.Span), $"@{version} reads other bytes");
        }

        var report = await IntegrityVerifier.VerifyAsync(Store);
        Assert.True(report.IsIntact, string.Join("; ", report.Problems));
    }
}
