using Verso.Storage.Relational.Compression;
using static Verso.Storage.Relational.Tests.Compression.StoredContentTests;

namespace Verso.Storage.Relational.Tests.Compression;

public sealed class DeltaCompactionTests
{
    [Fact]
    public void WholeBlobsOfOneEntityBecomeDeltasOnTheFirstKeyframe()
    {
        var rows = Enumerable.Range(1, 4)
            .Select(v => new CompactionRow(v, new StoredBlob(Hex(Charter(v)), Charter(v), null, null), Holders: 1))
            .ToList();

        var planned = DeltaCompaction.Plan(rows)!;

        Assert.Equal(4, planned.Count);
        Assert.Null(planned[0].Base);
        Assert.All(planned.Skip(1), p => Assert.Equal(rows[0].Blob.Hash, p.Base));
        Assert.Equal(Charter(3), StoredContent.Decode(planned[2].Stored, isDelta: true, planned[0].Stored));
    }

    [Fact]
    public void ABlobAnotherEntityHoldsIsLeftAsItIs()
    {
        var rows = new List<CompactionRow>
        {
            new(1, new StoredBlob(Hex(Charter(1)), Charter(1), null, null), Holders: 2),
            new(2, new StoredBlob(Hex(Charter(2)), Charter(2), null, null), Holders: 2),
        };

        Assert.Empty(DeltaCompaction.Plan(rows)!);
    }

    [Fact]
    public void ADamagedBlobSkipsTheEntity()
    {
        var rows = new List<CompactionRow> { new(1, new StoredBlob(Hex(Charter(2)), Charter(1), null, null), Holders: 1) };

        Assert.Null(DeltaCompaction.Plan(rows));
    }
}
