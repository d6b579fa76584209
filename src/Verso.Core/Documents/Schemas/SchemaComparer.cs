using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Merge;
using Verso.Documents.Pointers;

namespace Verso.Documents.Schemas;

// One comparison of two schema documents. Both are walked side by side from their roots; a $ref is
// followed into its own document, and each pair of nodes reached through a $ref is compared once, which
// is what ends a recursive schema (a tree whose children are trees) and reports a shared definition once.
internal sealed class SchemaComparer
{
    private readonly JsonNode? _beforeRoot;
    private readonly JsonNode? _afterRoot;
    private readonly HashSet<(JsonNode?, JsonNode?)> _followed = new(PairComparer.Instance);
    private readonly List<(string Path, string Kind, SchemaEffect Effect, string Message)> _found = [];

    public SchemaComparer(JsonNode? before, JsonNode? after)
    {
        _beforeRoot = before;
        _afterRoot = after;
    }

    public IReadOnlyList<(string Path, string Kind, SchemaEffect Effect, string Message)> Run()
    {
        Node(_beforeRoot, _afterRoot, JsonPointer.Root);
        return _found;
    }

    public void Report(string path, string kind, SchemaEffect effect, string message) => _found.Add((path, kind, effect, message));

    public void Node(JsonNode? before, JsonNode? after, string path)
    {
        var (beforeRef, afterRef) = (RefOf(before), RefOf(after));
        if (beforeRef is not null || afterRef is not null)
        {
            FollowRefs(before, after, beforeRef, afterRef, path);
            return;
        }

        // An absent schema, like true, accepts anything; false accepts nothing.
        var (wasFalse, isFalse) = (before is JsonValue b && IsFalse(b), after is JsonValue a && IsFalse(a));
        if (wasFalse || isFalse)
        {
            if (wasFalse != isFalse)
            {
                Report(path, isFalse ? "schema-closed" : "schema-opened", isFalse ? SchemaEffect.Narrows : SchemaEffect.Widens,
                    isFalse ? "no value is accepted any more" : "values are accepted where none were");
            }

            return;
        }

        var (old, @new) = (AsObject(before), AsObject(after));
        if (old is null || @new is null)
        {
            if (JsonIdentity.Key(before) == JsonIdentity.Key(after))
            {
                return;
            }

            Report(path, "not-a-schema", SchemaEffect.Undecided, "a side is neither an object nor a boolean, so it was not compared");
            return;
        }

        SchemaTypes.Compare(this, old, @new, path);
        SchemaValues.Compare(this, old, @new, path);
        SchemaBounds.Compare(this, old, @new, path);
        Strings(old, @new, path);
        SchemaObjects.Compare(this, old, @new, path);
        Arrays(old, @new, path);
        SchemaBranches.Compare(this, old, @new, path);
        Others(old, @new, path);
    }

    private void FollowRefs(JsonNode? before, JsonNode? after, string? beforeRef, string? afterRef, string path)
    {
        if (IsExternal(beforeRef) || IsExternal(afterRef))
        {
            if (beforeRef != afterRef)
            {
                Report(JsonPointer.Append(path, "$ref"), "ref-changed", SchemaEffect.Undecided,
                    $"$ref {beforeRef ?? "none"} → {afterRef ?? "none"}: a schema outside the document is not compared");
            }

            return;
        }

        var old = beforeRef is null ? before : Resolve(_beforeRoot, beforeRef, path);
        var @new = afterRef is null ? after : Resolve(_afterRoot, afterRef, path);
        if (old is null && beforeRef is not null || @new is null && afterRef is not null)
        {
            return;
        }

        // Keywords beside a $ref apply too (2020-12); they are compared at the $ref's own place.
        if (beforeRef is not null && afterRef is not null && (((JsonObject)before!).Count > 1 || ((JsonObject)after!).Count > 1))
        {
            Node(Without(before), Without(after), path);
        }

        if (_followed.Add((old, @new)))
        {
            Node(old, @new, JsonPointer.Append(path, "$ref"));
        }
    }

    private JsonNode? Resolve(JsonNode? root, string reference, string path)
    {
        if (reference == "#")
        {
            return root;
        }

        if (reference.StartsWith("#/", StringComparison.Ordinal))
        {
            JsonNode? node = root;
            foreach (var segment in JsonPointer.Parse(Uri.UnescapeDataString(reference[1..])))
            {
                node = node switch
                {
                    JsonObject obj => obj[segment],
                    JsonArray array when int.TryParse(segment, out var i) && i >= 0 && i < array.Count => array[i],
                    _ => null,
                };
            }

            if (node is not null)
            {
                return node;
            }
        }

        Report(JsonPointer.Append(path, "$ref"), "ref-unresolved", SchemaEffect.Undecided, $"$ref {reference} points at nothing in its document");
        return null;
    }

    private void Strings(JsonObject old, JsonObject @new, string path)
    {
        var (wasFormat, isFormat) = (Text(old["format"]), Text(@new["format"]));
        if (wasFormat != isFormat)
        {
            // Treated as an assertion: a tool that declares a format checks it.
            var (kind, effect) = (wasFormat, isFormat) switch
            {
                (null, _) => ("format-added", SchemaEffect.Narrows),
                (_, null) => ("format-removed", SchemaEffect.Widens),
                _ => ("format-changed", SchemaEffect.Incompatible),
            };
            Report(JsonPointer.Append(path, "format"), kind, effect, $"format {wasFormat ?? "none"} → {isFormat ?? "none"}");
        }

        var (wasPattern, isPattern) = (Text(old["pattern"]), Text(@new["pattern"]));
        if (wasPattern != isPattern)
        {
            var (kind, effect) = (wasPattern, isPattern) switch
            {
                (null, _) => ("pattern-added", SchemaEffect.Narrows),
                (_, null) => ("pattern-removed", SchemaEffect.Widens),
                // Whether one regular expression matches a subset of another's strings is not decided here.
                _ => ("pattern-changed", SchemaEffect.Undecided),
            };
            Report(JsonPointer.Append(path, "pattern"), kind, effect, $"pattern {wasPattern ?? "none"} → {isPattern ?? "none"}");
        }
    }

    private void Arrays(JsonObject old, JsonObject @new, string path)
    {
        var (wasItems, isItems) = (old["items"], @new["items"]);
        if (wasItems is not null || isItems is not null)
        {
            Node(wasItems, isItems, JsonPointer.Append(path, "items"));
        }

        var (wasPrefix, isPrefix) = (old["prefixItems"] as JsonArray ?? [], @new["prefixItems"] as JsonArray ?? []);
        var at = JsonPointer.Append(path, "prefixItems");
        for (var i = 0; i < Math.Max(wasPrefix.Count, isPrefix.Count); i++)
        {
            if (i < wasPrefix.Count && i < isPrefix.Count)
            {
                Node(wasPrefix[i], isPrefix[i], JsonPointer.Append(at, i));
            }
            else
            {
                var added = i >= wasPrefix.Count;
                Report(JsonPointer.Append(at, i), added ? "prefix-item-added" : "prefix-item-removed", added ? SchemaEffect.Narrows : SchemaEffect.Widens,
                    added ? $"item {i} now has a schema of its own" : $"item {i} no longer has a schema of its own");
            }
        }
    }

    // Annotations, keywords not compared, and keywords JSON Schema does not know: each one that differs is reported.
    private void Others(JsonObject old, JsonObject @new, string path)
    {
        foreach (var name in old.Select(p => p.Key).Union(@new.Select(p => p.Key), StringComparer.Ordinal))
        {
            if (SchemaKeywords.Compared.Contains(name) || SchemaKeywords.Containers.Contains(name)
                || JsonIdentity.Key(old[name]) == JsonIdentity.Key(@new[name]) && old.ContainsKey(name) == @new.ContainsKey(name))
            {
                continue;
            }

            var at = JsonPointer.Append(path, name);
            if (SchemaKeywords.Annotations.Contains(name))
            {
                Report(at, "annotation-changed", SchemaEffect.Harmless, $"{name} changed");
            }
            else if (SchemaKeywords.NotCompared.Contains(name))
            {
                Report(at, "keyword-not-compared", SchemaEffect.Undecided, $"{name} changed, and Verso does not compare it");
            }
            else
            {
                Report(at, "unknown-keyword", SchemaEffect.Undecided, $"{name} is not a JSON Schema 2020-12 keyword, and it changed");
            }
        }
    }

    private static string? RefOf(JsonNode? node) => node is JsonObject obj ? Text(obj["$ref"]) : null;

    private static bool IsExternal(string? reference) => reference is not null && !reference.StartsWith('#');

    private static bool IsFalse(JsonValue value) => value.GetValueKind() == JsonValueKind.False;

    private static JsonObject? AsObject(JsonNode? node) => node switch
    {
        null => [],
        JsonObject obj => obj,
        JsonValue value when value.GetValueKind() == JsonValueKind.True => [],
        _ => null,
    };

    private static JsonObject Without(JsonNode? refNode)
    {
        var copy = new JsonObject();
        foreach (var (name, value) in (JsonObject)refNode!)
        {
            if (name != "$ref")
            {
                copy[name] = value?.DeepClone();
            }
        }

        return copy;
    }

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    // Pairs of nodes by identity: the same definition reached twice is the same pair.
    private sealed class PairComparer : IEqualityComparer<(JsonNode?, JsonNode?)>
    {
        public static PairComparer Instance { get; } = new();

        public bool Equals((JsonNode?, JsonNode?) x, (JsonNode?, JsonNode?) y) =>
            ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((JsonNode?, JsonNode?) pair) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(pair.Item1), RuntimeHelpers.GetHashCode(pair.Item2));
    }
}
