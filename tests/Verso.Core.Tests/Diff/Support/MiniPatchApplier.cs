using System.Globalization;
using System.Text.Json.Nodes;
using Verso.Patch;
using Verso.Pointers;

namespace Verso.Core.Tests.Diff.Support;

/// <summary>
/// TEMPORARY: a strict, minimal RFC 6902 applier (add, remove, replace, move) so the patch builder can be
/// tested before the real applier, <c>Verso.Patch.JsonPatch</c>, is merged; replace its uses with that
/// one and delete this file then. Strict on purpose: a missing target or an index out of range throws,
/// so a patch that only works by accident fails.
/// </summary>
internal static class MiniPatchApplier
{
    public static JsonNode? Apply(JsonNode? document, IEnumerable<PatchOperation> operations)
    {
        var root = document?.DeepClone();
        foreach (var operation in operations)
        {
            switch (operation.Op)
            {
                case PatchOperationType.Add:
                    root = Add(root, operation.Path, operation.Value?.DeepClone());
                    break;
                case PatchOperationType.Remove:
                    Remove(root, operation.Path);
                    break;
                case PatchOperationType.Replace:
                    if (operation.Path.Length == 0)
                    {
                        root = operation.Value?.DeepClone();
                        break;
                    }

                    Remove(root, operation.Path);
                    root = Add(root, operation.Path, operation.Value?.DeepClone());
                    break;
                case PatchOperationType.Move:
                    var from = operation.From ?? throw new InvalidOperationException("move without from");
                    if (operation.Path.StartsWith(from + "/", StringComparison.Ordinal))
                    {
                        throw new InvalidOperationException($"cannot move {from} into itself");
                    }

                    root = Add(root, operation.Path, Remove(root, from));
                    break;
                default:
                    throw new NotSupportedException($"the mini applier does not do {operation.Op}");
            }
        }

        return root;
    }

    private static JsonNode? Add(JsonNode? root, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            return value;
        }

        var (parent, token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject obj:
                obj[token] = value;
                break;
            case JsonArray array:
                var index = token == "-" ? array.Count : Index(token);
                if (index > array.Count)
                {
                    throw new InvalidOperationException($"add index {index} beyond the end of {array.Count} items at {path}");
                }

                array.Insert(index, value);
                break;
            default:
                throw new InvalidOperationException($"no container at {path}");
        }

        return root;
    }

    private static JsonNode? Remove(JsonNode? root, string path)
    {
        var (parent, token) = Parent(root, path);
        switch (parent)
        {
            case JsonObject obj:
                if (!obj.TryGetPropertyValue(token, out var value))
                {
                    throw new InvalidOperationException($"no member at {path}");
                }

                obj.Remove(token);
                return value;
            case JsonArray array:
                var index = Index(token);
                if (index >= array.Count)
                {
                    throw new InvalidOperationException($"no item {index} of {array.Count} at {path}");
                }

                var item = array[index];
                array.RemoveAt(index);
                return item;
            default:
                throw new InvalidOperationException($"no container at {path}");
        }
    }

    private static (JsonNode? Parent, string Token) Parent(JsonNode? root, string path)
    {
        var tokens = JsonPointer.Parse(path);
        var node = root;
        foreach (var token in tokens.Take(tokens.Length - 1))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array when Index(token) < array.Count => array[Index(token)],
                _ => throw new InvalidOperationException($"no value at '{token}' on the way to {path}"),
            };
        }

        return (node, tokens[^1]);
    }

    private static int Index(string token) =>
        token.Length > 0 && token.All(char.IsAsciiDigit) && (token == "0" || token[0] != '0')
            ? int.Parse(token, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"'{token}' is not an array index");
}
