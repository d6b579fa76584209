using Verso.Errors;
using Verso.Storage.Relational.Compression;
using static Verso.Storage.Relational.Tests.Compression.StoredContentTests;

namespace Verso.Storage.Relational.Tests.Compression;

public sealed class DeltaRebaseTests
{
    [Fact]
    public void TheFirstDependentBecomesTheKeyframeOfTheOthers()
    {
        var doomed = Charter(1);
        var doomedStored = StoredContent.Encode(doomed);
        var dependents = new[] { Charter(2), Charter(3), Charter(4) }
            .Select(c => new StoredBlob(Hex(c), StoredContent.EncodeDelta(c, Hex(doomed), doomedStored)!, Hex(doomed), doomedStored))
            .ToList();

        var planned = DeltaRebase.Plan(dependents, "test.db");

        Assert.Equal(dependents.Select(d => d.Hash), planned.Select(p => p.Hash));
        Assert.Null(planned[0].Base);
        Assert.All(planned.Skip(1), p => Assert.Equal(planned[0].Hash, p.Base));
        // Every new encoding reads back to the content it stood for, without the doomed blob.
        Assert.Equal(Charter(2), StoredContent.Decode(planned[0].Stored));
        Assert.Equal(Charter(4), StoredContent.Decode(planned[2].Stored, isDelta: true, planned[0].Stored));
    }

    [Fact]
    public void ADamagedDependentStopsTheRemovalNamingItsHash()
    {
        var doomed = Charter(1);
        var doomedStored = StoredContent.Encode(doomed);
        var damaged = new StoredBlob(Hex(Charter(9)), StoredContent.EncodeDelta(Charter(2), Hex(doomed), doomedStored)!, Hex(doomed), doomedStored);

        var failure = Assert.Throws<StoreFailureException>(() => DeltaRebase.Plan([damaged], "test.db"));

        Assert.Equal(StoreFailureCause.Corrupt, failure.Cause);
        Assert.Contains(damaged.Hash, failure.Message, StringComparison.Ordinal);
    }
}
