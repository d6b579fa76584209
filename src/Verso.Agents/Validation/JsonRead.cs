using System.Text.Json;
using Verso.Documents.Pointers;

namespace Verso.Agents.Validation;

/// <summary>
/// Lenient reads for invariants: they run even on records with shape problems, so a value of the wrong
/// type reads as absent instead of throwing (the shape check has already reported it).
/// </summary>
internal static class JsonRead
{
    /// <summary>The value at a path of member names, or null when a step is missing or not an object.</summary>
    public static JsonElement? At(JsonElement root, IReadOnlyList<string> members)
    {
        var current = root;
        foreach (var member in members)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(member, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>The value at a path of UTF-8 member names (no transcoding per lookup), or null when a step is missing or not an object.</summary>
    public static JsonElement? At(JsonElement root, byte[][] members)
    {
        var current = root;
        foreach (var member in members)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(member, out current))
            {
                return null;
            }
        }

        return current;
    }

    /// <summary>A path of member names as UTF-8, for <see cref="At(JsonElement, byte[][])"/>.</summary>
    public static byte[][] Utf8(IReadOnlyList<string> members) => [.. members.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>The pointer of a path of member names.</summary>
    public static string Pointer(IEnumerable<string> members) => members.Aggregate(JsonPointer.Root, JsonPointer.Append);

    /// <summary>A string member, or null when absent or not a string.</summary>
    public static string? String(JsonElement value, string member) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty(member, out var text) && text.ValueKind == JsonValueKind.String
            ? text.GetString()
            : null;

    /// <summary>The items of the array at a path, with their indexes; none when it is absent or not an array.</summary>
    public static IEnumerable<(int Index, JsonElement Item)> Items(JsonElement root, IReadOnlyList<string> members)
    {
        if (At(root, members) is not { ValueKind: JsonValueKind.Array } array)
        {
            return [];
        }

        return array.EnumerateArray().Select((item, index) => (index, item));
    }
}
