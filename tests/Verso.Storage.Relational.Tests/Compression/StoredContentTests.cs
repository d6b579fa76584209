using System.Security.Cryptography;
using System.Text;
using Verso.Storage.Relational.Compression;

namespace Verso.Storage.Relational.Tests.Compression;

public sealed class StoredContentTests
{
    [Fact]
    public void AShortContentIsStoredAsItIs()
    {
        var canonical = Encoding.UTF8.GetBytes("""{"a":1}""");

        Assert.Equal(canonical, StoredContent.Encode(canonical));
        Assert.Equal(canonical, StoredContent.Decode(canonical));
    }

    [Fact]
    public void ALongContentIsAKeyframeThatDecodesToItsBytes()
    {
        var canonical = Charter(1);

        var stored = StoredContent.Encode(canonical);

        Assert.True(stored.Length < canonical.Length);
        Assert.Equal(0x28, stored[0]);
        Assert.Equal(canonical, StoredContent.Decode(stored));
    }

    [Fact]
    public void ADeltaOnAnIntactBaseDecodesWithThatBaseOnly()
    {
        var baseContent = Charter(1);
        var baseStored = StoredContent.Encode(baseContent);
        var edited = Charter(2);

        var delta = StoredContent.EncodeDelta(edited, Hex(baseContent), baseStored);

        Assert.NotNull(delta);
        Assert.True(delta.Length < baseStored.Length);
        Assert.Equal(edited, StoredContent.Decode(delta, isDelta: true, baseStored));
        // Without its base a delta reads as its own bytes, which hash to nothing: verify reports it.
        Assert.Equal(delta, StoredContent.Decode(delta, isDelta: true, baseStored: null));
    }

    [Fact]
    public void NoDeltaIsBuiltOnADamagedBase()
    {
        var baseContent = Charter(1);
        var baseStored = StoredContent.Encode(baseContent);

        Assert.Null(StoredContent.EncodeDelta(Charter(2), Hex(Charter(3)), baseStored));
    }

    [Fact]
    public void ADamagedFrameReadsAsItsStoredBytes()
    {
        var stored = StoredContent.Encode(Charter(1));
        stored[^3] ^= 0xFF;

        Assert.Equal(stored, StoredContent.Decode(stored));
    }

    [Theory]
    [InlineData(100, 10_000, 1, true)]
    [InlineData(100, 10_000, 199, true)]
    [InlineData(100, 10_000, 200, false)]
    public void ADeltaIsKeptUntilDeltaTimesDistanceReachesTwiceTheKeyframe(int delta, int keyframe, int distance, bool kept)
    {
        Assert.Equal(kept, StoredContent.KeepsDelta(delta, keyframe, distance));
    }

    internal static byte[] Charter(int edit)
    {
        var text = new StringBuilder("{\"charter\":\"");
        for (var line = 0; line < 200; line++)
        {
            text.Append("Line ").Append(line).Append(line == 100 ? $" edited {edit}" : " of the charter that stays").Append("\\n");
        }

        return Encoding.UTF8.GetBytes(text.Append("\"}").ToString());
    }

    internal static string Hex(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
