using System.Text.Json;
using Verso.Errors;
using Verso.Documents.Pointers;

namespace Verso.Agents.Validation;

/// <summary>Invariants several kinds share, built for <see cref="RecordValidator"/>.</summary>
internal static class Invariants
{
    /// <summary>
    /// The objects of the array at <paramref name="arrayPath"/> have distinct <paramref name="key"/>
    /// values. Keyed arrays are diffed and merged by that key, so a duplicate would make two items one.
    /// </summary>
    public static Func<JsonElement, IEnumerable<RecordProblem>> UniqueKeys(string key, params string[] arrayPath) =>
        DuplicateKeysAt(key, arrayPath, JsonRead.Utf8(arrayPath));

    private static Func<JsonElement, IEnumerable<RecordProblem>> DuplicateKeysAt(string key, string[] arrayPath, byte[][] utf8Path) =>
        record => DuplicateKeys(record, key, arrayPath, utf8Path);

    /// <summary>No string in the array at <paramref name="second"/> also appears in the array at <paramref name="first"/>.</summary>
    public static Func<JsonElement, IEnumerable<RecordProblem>> Disjoint(string[] first, string[] second, string what) =>
        OverlapAt(first, second, what, JsonRead.Utf8(first), JsonRead.Utf8(second));

    private static Func<JsonElement, IEnumerable<RecordProblem>> OverlapAt(string[] first, string[] second, string what, byte[][] utf8First, byte[][] utf8Second) =>
        record => Overlap(record, (first, utf8First), (second, utf8Second), what);

    /// <summary>Every string of the array at <paramref name="arrayPath"/> is distinct, as a set should be.</summary>
    public static Func<JsonElement, IEnumerable<RecordProblem>> DistinctStrings(params string[] arrayPath) =>
        RepeatedStringsAt(arrayPath, JsonRead.Utf8(arrayPath));

    private static Func<JsonElement, IEnumerable<RecordProblem>> RepeatedStringsAt(string[] arrayPath, byte[][] utf8Path) =>
        record => RepeatedStrings(record, arrayPath, utf8Path);

    // Each check returns at once when its array is absent or too short to break it, and builds its
    // pointer only for a problem: most records have none, and a save runs every invariant of its kind.
    private static IEnumerable<RecordProblem> DuplicateKeys(JsonElement record, string key, string[] arrayPath, byte[][] utf8Path)
    {
        if (ArrayAt(record, utf8Path) is not { } array)
        {
            return [];
        }

        List<RecordProblem>? problems = null;
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (JsonRead.String(item, key) is { } value && !first.TryAdd(value, index))
            {
                (problems ??= []).Add(new RecordProblem(
                    JsonPointer.Append(JsonPointer.Append(JsonRead.Pointer(arrayPath), index), key),
                    $"duplicate {key} '{value}': item {first[value]} already has it"));
            }

            index++;
        }

        return problems ?? [];
    }

    private static IEnumerable<RecordProblem> Overlap(JsonElement record, (string[] Path, byte[][] Utf8) first, (string[] Path, byte[][] Utf8) second, string what)
    {
        if (JsonRead.At(record, second.Utf8) is not { ValueKind: JsonValueKind.Array } secondArray || secondArray.GetArrayLength() == 0
            || JsonRead.At(record, first.Utf8) is not { ValueKind: JsonValueKind.Array } firstArray || firstArray.GetArrayLength() == 0)
        {
            return [];
        }

        var inFirst = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in firstArray.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                inFirst.Add(item.GetString()!);
            }
        }

        List<RecordProblem>? problems = null;
        var index = 0;
        foreach (var item in secondArray.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } text && inFirst.Contains(text))
            {
                (problems ??= []).Add(new RecordProblem(JsonPointer.Append(JsonRead.Pointer(second.Path), index), $"'{text}' is {what}"));
            }

            index++;
        }

        return problems ?? [];
    }

    private static IEnumerable<RecordProblem> RepeatedStrings(JsonElement record, string[] arrayPath, byte[][] utf8Path)
    {
        if (ArrayAt(record, utf8Path) is not { } array)
        {
            return [];
        }

        List<RecordProblem>? problems = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } text && !seen.Add(text))
            {
                (problems ??= []).Add(new RecordProblem(JsonPointer.Append(JsonRead.Pointer(arrayPath), index), $"'{text}' is listed twice"));
            }

            index++;
        }

        return problems ?? [];
    }

    /// <summary>The array at a path when it has two items or more (fewer cannot repeat one).</summary>
    private static JsonElement? ArrayAt(JsonElement record, byte[][] utf8Path) =>
        JsonRead.At(record, utf8Path) is { ValueKind: JsonValueKind.Array } array && array.GetArrayLength() >= 2 ? array : null;
}
