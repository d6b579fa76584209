using System.Text;
using System.Text.Json.Nodes;
using Verso.Documents.Patch;

namespace Verso.Core.Tests.Support;

/// <summary>Shorthands for applying patches written as JSON text and checking what they did.</summary>
internal static class Patches
{
    public static JsonPatch Parse(string patch) => JsonPatch.Parse(Encoding.UTF8.GetBytes(patch));

    /// <summary>The canonical text of a node, so results compare as JSON values (member order aside).</summary>
    public static string Canonical(JsonNode? node) => Canon.Text(node?.ToJsonString() ?? "null");

    /// <summary>Applies the patch and asserts the result equals <paramref name="expected"/> and the input is untouched.</summary>
    public static void Gives(string document, string patch, string expected)
    {
        var input = JsonNode.Parse(document);
        var before = input?.ToJsonString();

        var result = Parse(patch).Apply(input);

        Assert.Equal(Canon.Text(expected), Canonical(result));
        Assert.Equal(before, input?.ToJsonString());
    }

    /// <summary>
    /// Asserts that applying the patch fails at <paramref name="operationIndex"/> and leaves the input
    /// exactly as it was, member order included.
    /// </summary>
    public static JsonPatchException Fails(string document, string patch, int operationIndex)
    {
        var input = JsonNode.Parse(document);
        var before = input?.ToJsonString();
        var parsed = Parse(patch);

        var error = Assert.Throws<JsonPatchException>(() => parsed.Apply(input));

        Assert.Equal(operationIndex, error.OperationIndex);
        Assert.Equal(before, input?.ToJsonString());
        Assert.StartsWith($"patch operation {operationIndex} (", error.Message, StringComparison.Ordinal);
        return error;
    }

    /// <summary>Asserts that reading the patch fails at <paramref name="operationIndex"/>.</summary>
    public static JsonPatchException Rejects(string patch, int operationIndex)
    {
        var error = Assert.Throws<JsonPatchException>(() => Parse(patch));
        Assert.Equal(operationIndex, error.OperationIndex);
        Assert.Equal(Verso.Errors.ErrorCategory.BadInput, error.Category);
        return error;
    }
}
