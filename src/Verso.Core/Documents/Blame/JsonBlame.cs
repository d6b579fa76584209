using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Diff;
using Verso.Documents.Pointers;
using Verso.Model.Snapshots;

namespace Verso.Documents.Blame;

/// <summary>
/// Who last changed each leaf of a document, and each line of its multi-line strings. History is read
/// once, oldest first: each version is compared with the annotated tree of its predecessor, so unchanged
/// values keep their origin and changed ones take the new version's — one pass, not one diff per leaf.
/// </summary>
public static class JsonBlame
{
    /// <summary>Blames the last snapshot of <paramref name="oldestFirst"/> (an entity's history up to the version asked about).</summary>
    /// <param name="oldestFirst">The versions, oldest first.</param>
    /// <param name="rules">The kind's diff rules: keyed arrays let items keep their origin when they move.</param>
    /// <param name="budget">The work all the line and item diffs of the blame may do together, and the token that stops them; a fresh <see cref="ComparisonBudget"/> of the default size when null.</param>
    /// <returns>Every leaf in document order; empty when there is no version with content.</returns>
    /// <exception cref="Verso.Errors.ComparisonTooLargeException">The budget ran out.</exception>
    /// <exception cref="OperationCanceledException">The budget's token was cancelled.</exception>
    public static ImmutableArray<BlameEntry> Compute(IEnumerable<Snapshot> oldestFirst, DiffRules? rules = null, ComparisonBudget? budget = null)
    {
        ArgumentNullException.ThrowIfNull(oldestFirst);
        rules ??= DiffRules.Default;
        budget ??= new ComparisonBudget();
        AnnotatedNode? tree = null;
        // A pruned or erased version cannot be read: what changed in it is credited to the next version
        // that can, the earliest one known to hold the value.
        foreach (var snapshot in oldestFirst.Where(s => s.HasContent))
        {
            budget.CancellationToken.ThrowIfCancellationRequested();
            var document = Verso.Documents.Canonical.JsonLimits.ParseNode(snapshot.Content.Span);
            var origin = BlameOrigin.Of(snapshot);
            tree = tree is null ? Build(document, origin) : Update(tree, document, origin, JsonPointer.Root, rules, budget);
        }

        var entries = ImmutableArray.CreateBuilder<BlameEntry>();
        if (tree is not null)
        {
            Flatten(tree, JsonPointer.Root, entries);
        }

        return entries.ToImmutable();
    }

    private static AnnotatedNode Build(JsonNode? node, BlameOrigin origin) => node switch
    {
        JsonObject obj => new AnnotatedNode.ObjectNode([.. obj.Select(m => KeyValuePair.Create(m.Key, Build(m.Value, origin)))], origin),
        JsonArray array => new AnnotatedNode.ArrayNode([.. array.Select(item => (item, Build(item, origin)))], origin),
        _ => new AnnotatedNode.LeafNode(node, origin, IsMultiline(node, out var text) ? [.. SplitLines(text).Select(line => (line, origin))] : null),
    };

    private static AnnotatedNode Update(AnnotatedNode old, JsonNode? node, BlameOrigin origin, string path, DiffRules rules, ComparisonBudget budget) => (old, node) switch
    {
        (AnnotatedNode.ObjectNode oldObject, JsonObject obj) => new AnnotatedNode.ObjectNode(
            [.. obj.Select(m => KeyValuePair.Create(m.Key, Member(oldObject, m.Key) is { } previous
                ? Update(previous, m.Value, origin, JsonPointer.Append(path, m.Key), rules, budget)
                : Build(m.Value, origin)))],
            oldObject.Origin),
        (AnnotatedNode.ArrayNode oldArray, JsonArray array) => UpdateArray(oldArray, array, origin, path, rules, budget),
        (AnnotatedNode.LeafNode leaf, _) when node is not JsonObject and not JsonArray => UpdateLeaf(leaf, node, origin, budget),
        _ => Build(node, origin),
    };

    private static AnnotatedNode UpdateArray(AnnotatedNode.ArrayNode old, JsonArray array, BlameOrigin origin, string path, DiffRules rules, ComparisonBudget budget)
    {
        var items = new List<(JsonNode?, AnnotatedNode)>(array.Count);
        if (rules.IdentityKeyFor(path) is { } key && KeysOf(old.Items.Select(i => i.Value), key) is { } oldKeys)
        {
            // Keyed items keep their history wherever they move.
            var byKey = oldKeys.Select((k, i) => (k, i)).ToDictionary(p => p.k, p => old.Items[p.i].Node, StringComparer.Ordinal);
            for (var i = 0; i < array.Count; i++)
            {
                var itemKey = KeyOf(array[i], key);
                var itemPath = JsonPointer.Append(path, i);
                items.Add((array[i], itemKey is not null && byKey.TryGetValue(itemKey, out var previous)
                    ? Update(previous, array[i], origin, itemPath, rules, budget)
                    : Build(array[i], origin)));
            }
        }
        else
        {
            var alignment = SequenceAlignment.Align(
                [.. old.Items.Select(i => Canonical(i.Value))], [.. array.Select(Canonical)], budget);
            for (var i = 0; i < array.Count; i++)
            {
                var (oldIndex, equal) = alignment[i];
                items.Add((array[i], oldIndex < 0 || oldIndex >= old.Items.Count
                    ? Build(array[i], origin)
                    : equal ? old.Items[oldIndex].Node : Update(old.Items[oldIndex].Node, array[i], origin, JsonPointer.Append(path, i), rules, budget)));
            }
        }

        return new AnnotatedNode.ArrayNode(items, old.Origin);
    }

    private static AnnotatedNode UpdateLeaf(AnnotatedNode.LeafNode leaf, JsonNode? node, BlameOrigin origin, ComparisonBudget budget)
    {
        if (JsonNode.DeepEquals(leaf.Value, node))
        {
            return leaf;
        }

        if (!IsMultiline(node, out var text))
        {
            return new AnnotatedNode.LeafNode(node, origin, null);
        }

        // Lines the new text kept keep their origin; the others are this version's.
        var newLines = SplitLines(text);
        var oldLines = leaf.Lines ?? (leaf.Value is JsonValue v && v.TryGetValue(out string? oldText) ? [.. SplitLines(oldText).Select(l => (l, leaf.Origin))] : []);
        var alignment = SequenceAlignment.Align([.. oldLines.Select(l => l.Text)], newLines, budget);
        var lines = new List<(string, BlameOrigin)>(newLines.Length);
        for (var i = 0; i < newLines.Length; i++)
        {
            var (oldIndex, equal) = alignment[i];
            lines.Add((newLines[i], equal && oldIndex >= 0 && oldIndex < oldLines.Count ? oldLines[oldIndex].Origin : origin));
        }

        return new AnnotatedNode.LeafNode(node, origin, lines);
    }

    private static void Flatten(AnnotatedNode node, string path, ImmutableArray<BlameEntry>.Builder entries)
    {
        switch (node)
        {
            case AnnotatedNode.ObjectNode { Members.Count: 0 } empty:
                entries.Add(new BlameEntry(path, new JsonObject(), empty.Origin, []));
                break;
            case AnnotatedNode.ObjectNode obj:
                foreach (var (name, member) in obj.Members)
                {
                    Flatten(member, JsonPointer.Append(path, name), entries);
                }

                break;
            case AnnotatedNode.ArrayNode { Items.Count: 0 } empty:
                entries.Add(new BlameEntry(path, new JsonArray(), empty.Origin, []));
                break;
            case AnnotatedNode.ArrayNode array:
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Flatten(array.Items[i].Node, JsonPointer.Append(path, i), entries);
                }

                break;
            case AnnotatedNode.LeafNode leaf:
                entries.Add(new BlameEntry(
                    path,
                    leaf.Value?.DeepClone(),
                    leaf.Origin,
                    leaf.Lines is null ? [] : [.. leaf.Lines.Select((l, i) => new BlameLine(i + 1, l.Text, l.Origin))]));
                break;
        }
    }

    private static AnnotatedNode? Member(AnnotatedNode.ObjectNode obj, string name) =>
        obj.Members.FirstOrDefault(m => m.Key == name).Value;

    private static List<string>? KeysOf(IEnumerable<JsonNode?> items, string key)
    {
        var keys = items.Select(item => KeyOf(item, key)).ToList();
        return keys.All(k => k is not null) && keys.Distinct(StringComparer.Ordinal).Count() == keys.Count ? [.. keys.Select(k => k!)] : null;
    }

    private static string? KeyOf(JsonNode? item, string key) =>
        item is JsonObject obj && obj.TryGetPropertyValue(key, out var value) && value is not null ? Verso.Documents.Canonical.JsonLimits.ToJson(value) : null;

    private static string Canonical(JsonNode? node) => node is null ? "null" : Verso.Documents.Canonical.JsonLimits.ToJson(node);

    private static bool IsMultiline(JsonNode? node, out string text)
    {
        text = node is JsonValue value && value.TryGetValue(out string? s) ? s : "";
        return text.Contains('\n', StringComparison.Ordinal);
    }

    // A final line break ends the last line; it does not start an empty one.
    private static string[] SplitLines(string text) =>
        text.EndsWith('\n') ? text[..^1].Split('\n') : text.Split('\n');
}
