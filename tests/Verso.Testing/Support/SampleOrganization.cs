using System.Text.Json.Nodes;

namespace Verso.Testing.Support;

/// <summary>
/// The sample organization under samples/org, as shipped; a test project that uses it copies it next to
/// its tests (see the test projects' samples item).
/// </summary>
public static class SampleOrganization
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
}
