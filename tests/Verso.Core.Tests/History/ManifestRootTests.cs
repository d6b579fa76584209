using System.Security.Cryptography;
using System.Text;
using Verso.Storage.History;
using Verso.Naming;
using Verso.Testing.Support;

namespace Verso.Core.Tests.History;

public sealed class ManifestRootTests
{
    private static readonly ManifestEntry A = new(EntityKey.Create("agent", "a"), 1, Some.Document(1).Hash);
    private static readonly ManifestEntry B = new(EntityKey.Create("agent", "b"), 2, Some.Document(2).Hash);
    private static readonly ManifestEntry C = new(EntityKey.Create("agent", "c"), 3, Some.Document(3).Hash);

    [Fact]
    public void TheRootOfOneEntryIsItsDomainSeparatedLeaf()
    {
        var leaf = SHA256.HashData([0x00, .. Encoding.UTF8.GetBytes(A.ToString())]);

        Assert.Equal(Convert.ToHexStringLower(leaf), ManifestBuilder.Root([A]).Hex);
    }

    [Fact]
    public void AnOddNodeIsCarriedUpNotPairedWithItself()
    {
        byte[] Leaf(ManifestEntry e) => SHA256.HashData([0x00, .. Encoding.UTF8.GetBytes(e.ToString())]);
        var ab = SHA256.HashData([0x01, .. Leaf(A), .. Leaf(B)]);
        var expected = SHA256.HashData([0x01, .. ab, .. Leaf(C)]);

        Assert.Equal(Convert.ToHexStringLower(expected), ManifestBuilder.Root([A, B, C]).Hex);
        Assert.NotEqual(ManifestBuilder.Root([A, B, C]), ManifestBuilder.Root([A, B, C, C]));
    }

    [Fact]
    public void AnyChangeChangesTheRoot()
    {
        var root = ManifestBuilder.Root([A, B]);

        Assert.NotEqual(root, ManifestBuilder.Root([B, A]));
        Assert.NotEqual(root, ManifestBuilder.Root([A, B with { Version = 3 }]));
        Assert.NotEqual(root, ManifestBuilder.Root([A]));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), ManifestBuilder.Root([]).Hex);
    }
}
