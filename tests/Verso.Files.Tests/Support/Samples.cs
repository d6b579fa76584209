using System.Text;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Testing.Support;

namespace Verso.Files.Tests.Support;

/// <summary>The sample organization (see <see cref="SampleOrganization"/>) and the canonical bytes these tests compare.</summary>
internal static class Samples
{
    /// <summary>Every sample as (kind, id), for theories.</summary>
    public static TheoryData<string, string> All() => SampleOrganization.All();

    /// <summary>The file's bytes as shipped.</summary>
    public static byte[] Bytes(string kind, string id) => SampleOrganization.Bytes(kind, id);

    /// <summary>The file as a mutable tree.</summary>
    public static JsonObject Node(string kind, string id) => SampleOrganization.Node(kind, id);

    /// <summary>Canonical bytes of a JSON tree.</summary>
    public static byte[] Canonical(JsonNode node) => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(node.ToJsonString()));
}
