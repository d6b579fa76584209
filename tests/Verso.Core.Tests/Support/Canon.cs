using System.Text;
using Verso.Documents.Canonical;
using Verso.Errors;

namespace Verso.Core.Tests.Support;

/// <summary>Shorthands for canonicalizing JSON written as C# text.</summary>
internal static class Canon
{
    public static byte[] Bytes(string json, JsonPointerSet? excluded = null) =>
        CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json), excluded ?? JsonPointerSet.Empty);

    public static string Text(string json, JsonPointerSet? excluded = null) => Encoding.UTF8.GetString(Bytes(json, excluded));

    public static CanonicalJsonException Rejects(string json, JsonPointerSet? excluded = null) =>
        Assert.Throws<CanonicalJsonException>(() => Bytes(json, excluded));

    public static CanonicalJsonException Rejects(byte[] utf8) =>
        Assert.Throws<CanonicalJsonException>(() => CanonicalJson.Canonicalize(utf8));
}
