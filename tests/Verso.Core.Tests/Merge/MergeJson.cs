using System.Text;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;

namespace Verso.Core.Tests.Merge;

/// <summary>Shorthands for the merge tests: parsing JSON text and comparing values by canonical form.</summary>
internal static class MergeJson
{
    public static JsonNode? Parse(string json) => JsonNode.Parse(json);

    public static string CanonicalText(JsonNode? node) =>
        Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null")));

    public static void Equal(string expectedJson, JsonNode? actual) =>
        Assert.Equal(CanonicalText(Parse(expectedJson)), CanonicalText(actual));
}
