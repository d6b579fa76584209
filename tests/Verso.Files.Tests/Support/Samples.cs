using System.Text;
using System.Text.Json.Nodes;
using Verso.Canonical;

namespace Verso.Files.Tests.Support;

/// <summary>The sample organization under samples/org, copied next to the tests as shipped.</summary>
internal static class Samples
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "samples", "org");

    /// <summary>Every sample as (kind, id), for theories.</summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetFileNameWithoutExtension(file));
        }

        return data;
    }

    /// <summary>The file's bytes as shipped.</summary>
    public static byte[] Bytes(string kind, string id) => File.ReadAllBytes(Path.Combine(Root, kind, id + ".json"));

    /// <summary>The file as a mutable tree.</summary>
    public static JsonObject Node(string kind, string id) => JsonNode.Parse(Bytes(kind, id))!.AsObject();

    /// <summary>Canonical bytes of a JSON tree.</summary>
    public static byte[] Canonical(JsonNode node) => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
