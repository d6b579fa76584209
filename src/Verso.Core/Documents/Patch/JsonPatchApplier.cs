using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Documents.Pointers;

namespace Verso.Documents.Patch;

/// <summary>
/// Applies operations in order to a private copy of a document. Every value that goes into the copy is
/// cloned first: a <see cref="JsonNode"/> can have only one parent, and the patch must stay reusable.
/// </summary>
internal sealed class JsonPatchApplier
{
    /// <summary>The most operations one patch may hold.</summary>
    public const int MaxOperations = 10_000;

    /// <summary>The most a patch result may weigh (about its size as JSON, in bytes): the default record size limit.</summary>
    public const long MaxResultWeight = 16L * 1024 * 1024;

    private JsonNode? _root;
    private long _weight;
    private int _index;
    private PatchOperation _operation = null!;

    private JsonPatchApplier(JsonNode? root) => _root = root;

    public static JsonNode? Apply(JsonNode? document, ImmutableArray<PatchOperation> operations)
    {
        if (operations.Length > MaxOperations)
        {
            throw new LimitExceededException($"the patch's {operations.Length} operations", "limit", MaxOperations, "operations");
        }

        // Every growth is weighed before it is made: thirty copies of a value into itself would otherwise double it thirty times.
        var applier = new JsonPatchApplier(document?.DeepClone()) { _weight = JsonWeight.Of(document) };
        for (var i = 0; i < operations.Length; i++)
        {
            applier._index = i;
            applier._operation = operations[i];
            applier.ApplyCurrent();
        }

        if (JsonWeight.Depth(applier._root) > CanonicalJson.MaxDepth)
        {
            throw new LimitExceededException("the patch result's nesting", "maximum depth", CanonicalJson.MaxDepth, "levels");
        }

        return applier._root;
    }

    private JsonNode? Grow(JsonNode? value)
    {
        _weight += JsonWeight.Of(value);
        if (_weight > MaxResultWeight)
        {
            throw new LimitExceededException($"the result of patch operation {_index}", "patch result size", MaxResultWeight, "bytes");
        }

        return value?.DeepClone();
    }

    private void ApplyCurrent()
    {
        var op = _operation;
        var path = Tokens(op.Path, "path");
        switch (op.Op)
        {
            case PatchOperationType.Add:
                Add(path, Grow(op.Value));
                break;
            case PatchOperationType.Remove:
                Remove(path);
                break;
            case PatchOperationType.Replace:
                Replace(path, Grow(op.Value));
                break;
            case PatchOperationType.Move:
                Move(Tokens(op.From, "from"), path);
                break;
            case PatchOperationType.Copy:
                Add(path, Grow(Get(Tokens(op.From, "from"), "the 'from' location")));
                break;
            case PatchOperationType.Test:
                if (!JsonValueEquality.AreEqual(Get(path, "the path"), op.Value))
                {
                    throw Fail("the value at the path is not equal to the test value");
                }

                break;
            default:
                throw new UnreachableException("JsonPatch.Create and Parse admit only the six operations");
        }
    }

    private void Add(ImmutableArray<string> path, JsonNode? value)
    {
        if (path.IsEmpty)
        {
            _root = value;
            return;
        }

        var last = path[^1];
        switch (Parent(path))
        {
            case JsonObject obj:
                obj[last] = value; // adds the member, or replaces it when it exists (RFC 6902 §4.1)
                break;
            case JsonArray array when last == "-":
                array.Add(value);
                break;
            case JsonArray array:
                var index = ArrayIndex(last, path);
                if (index > array.Count)
                {
                    throw Fail($"index {last} is past the end of the array (length {array.Count})");
                }

                array.Insert(index, value);
                break;
        }
    }

    private void Remove(ImmutableArray<string> path)
    {
        if (path.IsEmpty)
        {
            // RFC 6902 leaves removing the root undefined; an empty result is more likely a mistake
            // than an intent, and "replace" with null says it plainly when it is meant.
            throw Fail("cannot remove the whole document");
        }

        var last = path[^1];
        switch (Parent(path))
        {
            case JsonObject obj:
                if (!obj.Remove(last))
                {
                    throw Fail("the path does not exist");
                }

                break;
            case JsonArray array:
                array.RemoveAt(ExistingIndex(array, last, path, "the path"));
                break;
        }
    }

    private void Replace(ImmutableArray<string> path, JsonNode? value)
    {
        if (path.IsEmpty)
        {
            _root = value;
            return;
        }

        var last = path[^1];
        switch (Parent(path))
        {
            case JsonObject obj:
                if (!obj.ContainsKey(last))
                {
                    throw Fail("the path does not exist");
                }

                obj[last] = value;
                break;
            case JsonArray array:
                array[ExistingIndex(array, last, path, "the path")] = value;
                break;
        }
    }

    private void Move(ImmutableArray<string> from, ImmutableArray<string> path)
    {
        var value = Get(from, "the 'from' location");
        if (from.SequenceEqual(path, StringComparer.Ordinal))
        {
            return;
        }

        if (from.Length < path.Length && path.Take(from.Length).SequenceEqual(from, StringComparer.Ordinal))
        {
            throw Fail("a value cannot be moved into one of its own children");
        }

        Remove(from);
        Add(path, value?.DeepClone());
    }

    /// <summary>The value at an existing location (a C# null for JSON null); fails when it does not exist.</summary>
    private JsonNode? Get(ImmutableArray<string> pointer, string what)
    {
        if (pointer.IsEmpty)
        {
            return _root;
        }

        var last = pointer[^1];
        return Parent(pointer) switch
        {
            JsonObject obj => obj.TryGetPropertyValue(last, out var child) ? child : throw Fail($"{what} does not exist"),
            JsonArray array => array[ExistingIndex(array, last, pointer, what)],
            _ => throw new InvalidOperationException("Parent returns only containers"),
        };
    }

    /// <summary>The object or array that holds the last token of a non-empty pointer; every step before it must exist.</summary>
    private JsonNode Parent(ImmutableArray<string> pointer)
    {
        var node = _root;
        var at = JsonPointer.Root;
        for (var i = 0; ; i++)
        {
            if (node is not (JsonObject or JsonArray))
            {
                var place = at.Length == 0 ? "the document" : at;
                throw Fail($"{place} is {JsonPatchParser.Article(node?.GetValueKind() ?? JsonValueKind.Null)}, which has no members or elements");
            }

            if (i == pointer.Length - 1)
            {
                return node;
            }

            var token = pointer[i];
            var next = JsonPointer.Append(at, token);
            node = node switch
            {
                JsonObject obj => obj.TryGetPropertyValue(token, out var child) ? child : throw Fail($"{next} does not exist"),
                JsonArray array => array[ExistingIndex(array, token, pointer, next)],
                _ => throw new InvalidOperationException("checked above"),
            };
            at = next;
        }
    }

    private int ExistingIndex(JsonArray array, string token, ImmutableArray<string> pointer, string what)
    {
        if (token == "-")
        {
            throw Fail($"'-' (after the last element) names no existing element, so {what} does not exist");
        }

        var index = ArrayIndex(token, pointer);
        return index < array.Count ? index : throw Fail($"{what} does not exist (index {token}, array length {array.Count})");
    }

    // RFC 6901 §4: an index is "0" or digits without a leading zero; no sign, no spaces, no exponent.
    private int ArrayIndex(string token, ImmutableArray<string> pointer)
    {
        var wellFormed = token.Length > 0 && token.All(char.IsAsciiDigit) && (token.Length == 1 || token[0] != '0');
        if (!wellFormed)
        {
            throw Fail($"'{token}' is not an array index in {Show(pointer)}");
        }

        // Too many digits for an int is still a well-formed index: one past any array this can hold.
        return int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue;
    }

    private ImmutableArray<string> Tokens(string? pointer, string member)
    {
        if (pointer is null)
        {
            throw Fail($"the member '{member}' is missing");
        }

        try
        {
            return JsonPointer.Parse(pointer);
        }
        catch (FormatException e)
        {
            throw Fail($"the member '{member}' is not a JSON pointer: {e.Message}", e);
        }
    }

    private static string Show(ImmutableArray<string> pointer) => pointer.Aggregate(JsonPointer.Root, JsonPointer.Append);

    private JsonPatchException Fail(string reason, Exception? inner = null) =>
        new(_index, reason, PatchOperationNames.Describe(_operation), inner);
}
