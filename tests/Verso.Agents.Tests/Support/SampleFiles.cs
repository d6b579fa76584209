using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Testing.Support;

namespace Verso.Agents.Tests.Support;

/// <summary>The sample organization under samples/org, copied next to the tests as shipped.</summary>
internal static class SampleFiles
{
    /// <summary>Every sample as (kind, id), for theories.</summary>
    public static TheoryData<string, string> All() => SampleOrganization.All();

    /// <summary>The file's bytes as shipped.</summary>
    public static byte[] Bytes(string kind, string id) => SampleOrganization.Bytes(kind, id);

    /// <summary>The file as a mutable tree.</summary>
    public static JsonObject Node(string kind, string id) => SampleOrganization.Node(kind, id);

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
