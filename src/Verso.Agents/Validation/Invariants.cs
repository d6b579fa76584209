using System.Text.Json;
using Verso.Errors;
using Verso.Pointers;

namespace Verso.Agents.Validation;

/// <summary>Invariants several kinds share, built for <see cref="RecordValidator"/>.</summary>
internal static class Invariants
{
    /// <summary>
    /// The objects of the array at <paramref name="arrayPath"/> have distinct <paramref name="key"/>
    /// values. Keyed arrays are diffed and merged by that key, so a duplicate would make two items one.
    /// </summary>
    public static Func<JsonElement, IEnumerable<RecordProblem>> UniqueKeys(string key, params string[] arrayPath) =>
        record => DuplicateKeys(record, key, arrayPath);

    /// <summary>No string in the array at <paramref name="second"/> also appears in the array at <paramref name="first"/>.</summary>
    public static Func<JsonElement, IEnumerable<RecordProblem>> Disjoint(string[] first, string[] second, string what) =>
        record => Overlap(record, first, second, what);

    /// <summary>Every string of the array at <paramref name="arrayPath"/> is distinct, as a set should be.</summary>
    public static Func<JsonElement, IEnumerable<RecordProblem>> DistinctStrings(params string[] arrayPath) =>
        record => RepeatedStrings(record, arrayPath);

    private static IEnumerable<RecordProblem> DuplicateKeys(JsonElement record, string key, string[] arrayPath)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        var arrayPointer = JsonRead.Pointer(arrayPath);
        foreach (var (index, item) in JsonRead.Items(record, arrayPath))
        {
            if (JsonRead.String(item, key) is not { } value)
            {
                continue;
            }

            if (!first.TryAdd(value, index))
            {
                yield return new RecordProblem(
                    JsonPointer.Append(JsonPointer.Append(arrayPointer, index), key),
                    $"duplicate {key} '{value}': item {first[value]} already has it");
            }
        }
    }

    private static IEnumerable<RecordProblem> Overlap(JsonElement record, string[] first, string[] second, string what)
    {
        var inFirst = JsonRead.Items(record, first)
            .Where(i => i.Item.ValueKind == JsonValueKind.String)
            .Select(i => i.Item.GetString()!)
            .ToHashSet(StringComparer.Ordinal);
        var secondPointer = JsonRead.Pointer(second);
        foreach (var (index, item) in JsonRead.Items(record, second))
        {
            if (item.ValueKind == JsonValueKind.String && inFirst.Contains(item.GetString()!))
            {
                yield return new RecordProblem(JsonPointer.Append(secondPointer, index), $"'{item.GetString()}' is {what}");
            }
        }
    }

    private static IEnumerable<RecordProblem> RepeatedStrings(JsonElement record, string[] arrayPath)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pointer = JsonRead.Pointer(arrayPath);
        foreach (var (index, item) in JsonRead.Items(record, arrayPath))
        {
            if (item.ValueKind == JsonValueKind.String && !seen.Add(item.GetString()!))
            {
                yield return new RecordProblem(JsonPointer.Append(pointer, index), $"'{item.GetString()}' is listed twice");
            }
        }
    }
}
