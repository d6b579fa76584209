using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verso.Agents.Tests.Support;

/// <summary>The sample organization under samples/org, copied next to the tests as shipped.</summary>
internal static class SampleFiles
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

    /// <summary>A sample with a change applied, as the element a validator reads.</summary>
    public static JsonElement With(string kind, string id, Action<JsonObject> change)
    {
        var node = Node(kind, id);
        change(node);
        return Element(node);
    }

    /// <summary>A tree as the element a validator reads.</summary>
    public static JsonElement Element(JsonNode node) => JsonDocument.Parse(node.ToJsonString()).RootElement.Clone();
}
