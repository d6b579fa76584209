using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Verso.Documents.Diff;
using Verso.Documents.Merge;
using Verso.Documents.Pointers;

namespace Verso.Versioning.Replay;

// A kind's behaviour fields, parsed once per comparison, and the test of whether one change touches them.
internal sealed class BehaviourPatterns
{
    private const string AnySegment = "*";

    private readonly ImmutableArray<ImmutableArray<string>> _patterns;

    private BehaviourPatterns(ImmutableArray<ImmutableArray<string>> patterns) => _patterns = patterns;

    public static BehaviourPatterns Parse(string kind, ImmutableArray<string> pointers)
    {
        var parsed = ImmutableArray.CreateBuilder<ImmutableArray<string>>(pointers.Length);
        foreach (var pointer in pointers)
        {
            try
            {
                parsed.Add(JsonPointer.Parse(pointer));
            }
            catch (FormatException e)
            {
                throw new ArgumentException($"kind '{kind}' declares a behaviour field that is not a JSON pointer: '{pointer}'", nameof(pointers), e);
            }
        }

        return new BehaviourPatterns(parsed.MoveToImmutable());
    }

    public bool ChangesBehaviour(JsonChange change)
    {
        var path = JsonPointer.Parse(change.Path);
        var from = change is { Kind: ChangeKind.Moved, From: { } source } ? JsonPointer.Parse(source) : (ImmutableArray<string>?)null;
        foreach (var pattern in _patterns)
        {
            if (IsPrefix(pattern, path) || (from is { } origin && IsPrefix(pattern, origin)))
            {
                return true;
            }

            // A change above a behaviour field (a whole node added, an object replaced by a string) changes
            // that field only if its values differ underneath. A move is left out: the moved item's own
            // edits are separate changes, and its new position matters only to a pattern at or above it.
            if (change.Kind != ChangeKind.Moved && path.Length < pattern.Length && IsPrefix(path, pattern)
                && DiffersUnder(change, pattern, path.Length))
            {
                return true;
            }
        }

        return false;
    }

    // Whether the leading segments of `longer` match `shorter` (a "*" on either side matches any one segment).
    private static bool IsPrefix(ImmutableArray<string> shorter, ImmutableArray<string> longer)
    {
        if (shorter.Length > longer.Length)
        {
            return false;
        }

        for (var i = 0; i < shorter.Length; i++)
        {
            if (shorter[i] != AnySegment && longer[i] != AnySegment && shorter[i] != longer[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool DiffersUnder(JsonChange change, ImmutableArray<string> pattern, int start)
    {
        var before = new Dictionary<string, string>(StringComparer.Ordinal);
        var after = new Dictionary<string, string>(StringComparer.Ordinal);
        if (change.Kind != ChangeKind.Added)
        {
            Collect(change.Old, pattern, start, JsonPointer.Root, before);
        }

        if (change.Kind != ChangeKind.Removed)
        {
            Collect(change.New, pattern, start, JsonPointer.Root, after);
        }

        return before.Count != after.Count
            || before.Any(pair => !after.TryGetValue(pair.Key, out var value) || !string.Equals(value, pair.Value, StringComparison.Ordinal));
    }

    // Every value under `node` that the rest of the pattern reaches, by its relative pointer and canonical text.
    private static void Collect(JsonNode? node, ImmutableArray<string> pattern, int index, string at, Dictionary<string, string> into)
    {
        if (index == pattern.Length)
        {
            into[at] = JsonIdentity.Key(node);
            return;
        }

        var segment = pattern[index];
        switch (node)
        {
            case JsonObject obj when segment == AnySegment:
                foreach (var (name, child) in obj)
                {
                    Collect(child, pattern, index + 1, JsonPointer.Append(at, name), into);
                }

                break;
            case JsonObject obj:
                if (obj.TryGetPropertyValue(segment, out var member))
                {
                    Collect(member, pattern, index + 1, JsonPointer.Append(at, segment), into);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (segment == AnySegment || segment == i.ToString(CultureInfo.InvariantCulture))
                    {
                        Collect(array[i], pattern, index + 1, JsonPointer.Append(at, i), into);
                    }
                }

                break;
            default:
                // A scalar has nothing underneath: the field is absent on this side.
                break;
        }
    }
}
