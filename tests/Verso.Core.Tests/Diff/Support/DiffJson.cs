using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Core.Tests.Support;
using Verso.Documents.Diff;
using Verso.Documents.Patch;

namespace Verso.Core.Tests.Diff.Support;

/// <summary>Shorthands for the diff tests: parsing, equality as RFC 8785 text, and changes as short lines.</summary>
internal static class DiffJson
{
    public static JsonNode? Parse(string json) => JsonNode.Parse(json);

    public static JsonNode? From(TestJson value) => JsonNode.Parse(TestJsonWriter.Plain(value));

    public static string CanonicalText(JsonNode? node) => Canon.Text(node?.ToJsonString() ?? "null");

    public static JsonNode? Apply(JsonNode? document, IEnumerable<PatchOperation> operations) =>
        JsonPatch.Create(operations).Apply(document);

    public static ImmutableArray<JsonChange> Changes(string left, string right, DiffRules? rules = null) =>
        JsonDiff.Compute(Parse(left), Parse(right), rules);

    // One line per change: kind, path (and origin of a move), then the values the change carries.
    public static IEnumerable<string> Describe(IEnumerable<JsonChange> changes) => changes.Select(c => c.Kind switch
    {
        ChangeKind.Added => $"+ {c.Path} {CanonicalText(c.New)}",
        ChangeKind.Removed => $"- {c.Path} {CanonicalText(c.Old)}",
        ChangeKind.Moved => $"> {c.From} {c.Path}",
        _ => $"~ {c.Path} {CanonicalText(c.Old)} {CanonicalText(c.New)}",
    });
}
