using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Diff;
using Verso.Documents.Pointers;

namespace Verso.Documents.Merge;

// One merge run: walks the three values together and collects conflicts in document order.
internal sealed partial class ThreeWayMerger(DiffRules rules, ComparisonBudget budget)
{
    private readonly DiffRules _rules = rules;
    private readonly ComparisonBudget _budget = budget;
    private readonly ImmutableArray<MergeConflict>.Builder _conflicts = ImmutableArray.CreateBuilder<MergeConflict>();

    public ImmutableArray<MergeConflict> Conflicts => _conflicts.ToImmutable();

    public JsonNode? Merge(JsonNode? @base, JsonNode? ours, JsonNode? theirs) =>
        MergeValue(JsonPointer.Root, Side.Of(@base), Side.Of(ours), Side.Of(theirs)).Node;

    // The result is always a fresh copy, free to be attached to a new parent.
    private Side MergeValue(string path, Side @base, Side ours, Side theirs)
    {
        if (ours.SameAs(theirs))
        {
            return ours.Copy();
        }

        if (@base.SameAs(ours))
        {
            return theirs.Copy();
        }

        if (@base.SameAs(theirs))
        {
            return ours.Copy();
        }

        if (!ours.Present || !theirs.Present)
        {
            return Conflict(path, @base, ours, theirs);
        }

        // A base of another type is a type change on both sides: a conflict, not a merge of strangers.
        var baseNode = @base.Present ? @base.Node : null;
        switch (ours.Node, theirs.Node)
        {
            case (JsonObject o, JsonObject t) when !@base.Present || baseNode is JsonObject:
                return Side.Of(MergeObjects(path, baseNode as JsonObject, o, t));
            case (JsonArray o, JsonArray t) when !@base.Present || baseNode is JsonArray:
                return MergeArrays(path, baseNode as JsonArray, o, t) is { } array ? Side.Of(array) : Conflict(path, @base, ours, theirs);
            default:
                return MergeText(path, @base, ours, theirs);
        }
    }

    private JsonObject MergeObjects(string path, JsonObject? @base, JsonObject ours, JsonObject theirs)
    {
        var merged = new JsonObject();

        // Members both sides deleted need no visit: two absences agree.
        var names = ours.Select(m => m.Key).Concat(theirs.Select(m => m.Key).Where(name => !ours.ContainsKey(name)));
        foreach (var name in names)
        {
            var member = MergeValue(JsonPointer.Append(path, name), Member(@base, name), Member(ours, name), Member(theirs, name));
            if (member.Present)
            {
                merged[name] = member.Node;
            }
        }

        return merged;
    }

    private static Side Member(JsonObject? owner, string name) =>
        owner is not null && owner.TryGetPropertyValue(name, out var value) ? Side.Of(value) : Side.Absent;

    private Side MergeText(string path, Side @base, Side ours, Side theirs)
    {
        if (_rules.DiffMultilineText && AsString(@base) is { } baseText && AsString(ours) is { } oursText
            && AsString(theirs) is { } theirsText
            && (baseText.Contains('\n', StringComparison.Ordinal) || oursText.Contains('\n', StringComparison.Ordinal)
                || theirsText.Contains('\n', StringComparison.Ordinal)))
        {
            var text = TextMerge.Merge3(baseText, oursText, theirsText, _budget);
            return text.IsClean ? Side.Of(JsonValue.Create(text.Merged)) : Conflict(path, @base, ours, theirs, text);
        }

        return Conflict(path, @base, ours, theirs);
    }

    private static string? AsString(Side side) =>
        side.Present && side.Node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    // The base value stays in place: neither side's wish is chosen for the caller.
    private Side Conflict(string path, Side @base, Side ours, Side theirs, TextMergeResult? text = null)
    {
        _conflicts.Add(new MergeConflict(path, @base.Copy().Node, ours.Copy().Node, theirs.Copy().Node)
        {
            InBase = @base.Present,
            InOurs = ours.Present,
            InTheirs = theirs.Present,
            Text = text,
        });
        return @base.Copy();
    }

    // One side's value at a place: present or absent, with its canonical key worked out once, on demand.
    private sealed class Side
    {
        private string? _key;

        private Side(bool present, JsonNode? node)
        {
            Present = present;
            Node = node;
        }

        public static Side Absent { get; } = new(false, null);

        public bool Present { get; }

        public JsonNode? Node { get; }

        public string Key => _key ??= JsonIdentity.Key(Node);

        public static Side Of(JsonNode? node) => new(true, node);

        public bool SameAs(Side other) =>
            Present == other.Present && (!Present || string.Equals(Key, other.Key, StringComparison.Ordinal));

        public Side Copy() => Present ? Of(Node?.DeepClone()) : Absent;
    }
}
