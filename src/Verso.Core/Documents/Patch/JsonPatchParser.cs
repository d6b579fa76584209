using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Verso.Documents.Pointers;

namespace Verso.Documents.Patch;

/// <summary>Reads an RFC 6902 patch document and checks every operation against §4 before any is applied.</summary>
internal static class JsonPatchParser
{
    public static ImmutableArray<PatchOperation> Parse(ReadOnlySpan<byte> utf8Json)
    {
        // The JSON reader checks the bytes of strings only when they are decoded, which would turn a bad
        // byte into an error far from its cause; check the whole document first.
        if (!Utf8.IsValid(utf8Json))
        {
            throw new JsonPatchException(-1, "not valid UTF-8");
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray(), Canonical.JsonLimits.Document);

            // A cloned element owns its memory, so the values taken from it outlive the document.
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new JsonPatchException(-1, $"not valid JSON at line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: {Canonical.JsonErrorText.Describe(e)}", innerException: e);
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new JsonPatchException(-1, $"a JSON patch is an array of operations, not {Article(root.ValueKind)}");
        }

        var operations = ImmutableArray.CreateBuilder<PatchOperation>(root.GetArrayLength());
        var index = 0;
        foreach (var element in root.EnumerateArray())
        {
            try
            {
                operations.Add(ParseOperation(element, index));
            }
            catch (InvalidOperationException e)
            {
                // Decoding a string escape that is a lone surrogate (such as "\ud800") fails here.
                throw new JsonPatchException(index, "a string is not valid Unicode text", innerException: e);
            }

            index++;
        }

        return operations.MoveToImmutable();
    }

    private static PatchOperation ParseOperation(JsonElement element, int index)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonPatchException(index, $"an operation is a JSON object, not {Article(element.ValueKind)}");
        }

        // RFC 6902 A.13: a repeated member (two "op"s) makes the operation ambiguous, so it is an error
        // rather than last-one-wins; the check covers every member, known or not.
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (!members.TryAdd(member.Name, member.Value))
            {
                throw new JsonPatchException(index, $"the member '{member.Name}' appears more than once");
            }
        }

        var opName = RequiredString(members, "op", index, label: null);
        if (!PatchOperationNames.TryParse(opName, out var op))
        {
            throw new JsonPatchException(index, $"'{opName}' is not an operation (add, remove, replace, move, copy or test)");
        }

        var path = RequiredPointer(members, "path", index, PatchOperationNames.ToName(op));
        var label = PatchOperationNames.Describe(op, path);

        // Members an operation does not use are ignored (RFC 6902 §4), so "from" on an add is not read.
        var from = PatchOperationNames.NeedsFrom(op) ? RequiredPointer(members, "from", index, label) : null;
        JsonNode? value = null;
        if (PatchOperationNames.NeedsValue(op))
        {
            // Absent and null differ: "value": null is a JSON null to add, a missing value is an error.
            if (!members.TryGetValue("value", out var valueElement))
            {
                throw new JsonPatchException(index, "the member 'value' is missing", label);
            }

            value = ToNode(valueElement, index, label);
        }

        return new PatchOperation(op, path, from, value);
    }

    private static string RequiredString(Dictionary<string, JsonElement> members, string name, int index, string? label)
    {
        if (!members.TryGetValue(name, out var element))
        {
            throw new JsonPatchException(index, $"the member '{name}' is missing", label);
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            throw new JsonPatchException(index, $"the member '{name}' must be a string, not {Article(element.ValueKind)}", label);
        }

        return element.GetString()!;
    }

    private static string RequiredPointer(Dictionary<string, JsonElement> members, string name, int index, string label)
    {
        var pointer = RequiredString(members, name, index, label);
        try
        {
            _ = JsonPointer.Parse(pointer);
        }
        catch (FormatException e)
        {
            throw new JsonPatchException(index, $"the member '{name}' is not a JSON pointer: {e.Message}", label, e);
        }

        return pointer;
    }

    // Built by hand rather than with JsonNode.Parse so a duplicate member name inside a value is
    // reported against its operation instead of surfacing later as an unrelated exception.
    private static JsonNode? ToNode(JsonElement element, int index, string label)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var member in element.EnumerateObject())
                {
                    if (obj.ContainsKey(member.Name))
                    {
                        throw new JsonPatchException(index, $"the value has the member '{member.Name}' more than once", label);
                    }

                    obj.Add(member.Name, ToNode(member.Value, index, label));
                }

                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in element.EnumerateArray())
                {
                    array.Add(ToNode(item, index, label));
                }

                return array;
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                return JsonValue.Create(element.GetString());
            default:
                // Keeps the number's own text (no round trip through double), which test equality relies on.
                return JsonValue.Create(element);
        }
    }

    internal static string Article(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
