using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Pointers;

namespace Verso.Documents.Diff;

// The walk behind JsonDiff.Compute. Every method takes the right-hand path of the value it compares.
internal sealed class StructuralDiffer
{
    private readonly DiffRules _rules;
    private readonly ComparisonBudget _budget;
    private readonly CanonicalTexts _texts = new();
    private readonly ImmutableArray<JsonChange>.Builder _changes = ImmutableArray.CreateBuilder<JsonChange>();

    private StructuralDiffer(DiffRules rules, ComparisonBudget budget) => (_rules, _budget) = (rules, budget);

    public static ImmutableArray<JsonChange> Run(JsonNode? left, JsonNode? right, DiffRules rules, ComparisonBudget budget)
    {
        var differ = new StructuralDiffer(rules, budget);
        differ.Value(left, right, JsonPointer.Root);
        return differ._changes.ToImmutable();
    }

    private void Value(JsonNode? left, JsonNode? right, string path)
    {
        var kind = CanonicalTexts.KindOf(left);
        if (kind != CanonicalTexts.KindOf(right))
        {
            Modified(path, left, right);
            return;
        }

        switch (kind)
        {
            case JsonValueKind.Object:
                Object((JsonObject)left!, (JsonObject)right!, path);
                break;
            case JsonValueKind.Array:
                Array((JsonArray)left!, (JsonArray)right!, path);
                break;
            case JsonValueKind.String:
                String(left!.GetValue<string>(), right!.GetValue<string>(), left, right, path);
                break;
            default:
                // DeepEquals compares numbers by value without allocating; canonical text settles the rest.
                if (!JsonNode.DeepEquals(left, right) && !_texts.Equal(left, right))
                {
                    Modified(path, left, right);
                }

                break;
        }
    }

    // Removed members are reported just before the first member that followed them on the left.
    private void Object(JsonObject left, JsonObject right, string path)
    {
        var next = 0;
        foreach (var (name, rightValue) in right)
        {
            var member = JsonPointer.Append(path, name);
            if (!left.TryGetPropertyValue(name, out var leftValue))
            {
                Added(member, rightValue);
                continue;
            }

            var at = left.IndexOf(name);
            for (; next <= at; next++)
            {
                RemovedMember(left, next, path, right);
            }

            Value(leftValue, rightValue, member);
        }

        for (; next < left.Count; next++)
        {
            RemovedMember(left, next, path, right);
        }
    }

    private void RemovedMember(JsonObject left, int index, string path, JsonObject right)
    {
        var (name, value) = left.GetAt(index);
        if (!right.ContainsKey(name))
        {
            Removed(JsonPointer.Append(path, name), value);
        }
    }

    private void Array(JsonArray left, JsonArray right, string path)
    {
        var identityKey = _rules.IdentityKeyFor(path);
        if (identityKey is null && !_rules.IsSet(path))
        {
            // A sequence skips its equal first and last items itself, so an equal array costs one pass.
            Sequence(left, right, path);
            return;
        }

        // Most arrays of a record are unchanged: skip them before any item is canonicalized.
        if (JsonNode.DeepEquals(left, right))
        {
            return;
        }

        if (identityKey is { } key && KeyedArrayMatch.TryCreate(left, right, key, _texts) is { } match)
        {
            Keyed(left, right, match, path);
        }
        else if (_rules.IsSet(path))
        {
            Set(left, right, path);
        }
        else
        {
            Sequence(left, right, path);
        }
    }

    private void Keyed(JsonArray left, JsonArray right, KeyedArrayMatch match, string path)
    {
        var next = 0;
        for (var j = 0; j < right.Count; j++)
        {
            var item = JsonPointer.Append(path, j);
            var i = match.LeftOf[j];
            if (i < 0)
            {
                Added(item, right[j]);
                continue;
            }

            if (match.Stable[j])
            {
                for (; next <= i; next++)
                {
                    if (match.RightOf[next] < 0)
                    {
                        Removed(JsonPointer.Append(path, next), left[next]);
                    }
                }
            }
            else
            {
                _changes.Add(new JsonChange(item, ChangeKind.Moved, left[i]?.DeepClone(), right[j]?.DeepClone()) { From = JsonPointer.Append(path, i) });
            }

            Value(left[i], right[j], item);
        }

        for (; next < left.Count; next++)
        {
            if (match.RightOf[next] < 0)
            {
                Removed(JsonPointer.Append(path, next), left[next]);
            }
        }
    }

    // A multiset: each right value cancels one equal left value; what is left over was removed or added.
    private void Set(JsonArray left, JsonArray right, string path)
    {
        var leftOnly = Unmatched(left, right);
        var rightOnly = Unmatched(right, left);
        for (var p = 0; p < Math.Max(left.Count, right.Count); p++)
        {
            if (p < left.Count && leftOnly[p])
            {
                Removed(JsonPointer.Append(path, p), left[p]);
            }

            if (p < right.Count && rightOnly[p])
            {
                Added(JsonPointer.Append(path, p), right[p]);
            }
        }
    }

    private bool[] Unmatched(JsonArray items, JsonArray others)
    {
        var available = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var other in others)
        {
            var text = _texts.Of(other);
            available[text] = available.GetValueOrDefault(text) + 1;
        }

        var unmatched = new bool[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            var text = _texts.Of(items[i]);
            var count = available.GetValueOrDefault(text);
            unmatched[i] = count == 0;
            available[text] = Math.Max(0, count - 1);
        }

        return unmatched;
    }

    private void Sequence(JsonArray left, JsonArray right, string path)
    {
        if ((long)left.Count * right.Count > _rules.MaxArrayDiffCost)
        {
            if (!JsonNode.DeepEquals(left, right) && !_texts.Equal(left, right))
            {
                Modified(path, left, right);
            }

            return;
        }

        // Equal items at both ends are what the sequence diff strips first, so only the middle is keyed.
        var start = 0;
        while (start < left.Count && start < right.Count && SameItem(left[start], right[start]))
        {
            start++;
        }

        var end = 0;
        while (end < left.Count - start && end < right.Count - start && SameItem(left[left.Count - 1 - end], right[right.Count - 1 - end]))
        {
            end++;
        }

        var leftKeys = new string[left.Count - start - end];
        var rightKeys = new string[right.Count - start - end];
        for (var k = 0; k < leftKeys.Length; k++)
        {
            leftKeys[k] = _texts.Of(left[start + k]);
        }

        for (var k = 0; k < rightKeys.Length; k++)
        {
            rightKeys[k] = _texts.Of(right[start + k]);
        }

        foreach (var block in SequenceDiff.Compute(leftKeys, rightKeys, start, _budget))
        {
            // Unpaired removals and additions are reported before the pair that follows them.
            var i = block.DeleteStartA;
            var j = block.InsertStartB;
            var pairs = SequenceDiff.Pair(block, (l, r) => AreContainersOfOneKind(left[l], right[r]));
            pairs.Add((block.DeleteStartA + block.DeleteCountA, block.InsertStartB + block.InsertCountB));
            foreach (var (pairedLeft, pairedRight) in pairs)
            {
                for (; i < pairedLeft; i++)
                {
                    Removed(JsonPointer.Append(path, i), left[i]);
                }

                for (; j < pairedRight; j++)
                {
                    Added(JsonPointer.Append(path, j), right[j]);
                }

                if (i < block.DeleteStartA + block.DeleteCountA)
                {
                    Value(left[i++], right[j], JsonPointer.Append(path, j++));
                }
            }
        }
    }

    // DeepEquals accepts most equal items without building keys; the keys decide the rest (1.0 and 1).
    private bool SameItem(JsonNode? left, JsonNode? right) => JsonNode.DeepEquals(left, right) || _texts.Equal(left, right);

    private static bool AreContainersOfOneKind(JsonNode? left, JsonNode? right) =>
        (left is JsonObject && right is JsonObject) || (left is JsonArray && right is JsonArray);

    private void String(string left, string right, JsonNode? leftNode, JsonNode? rightNode, string path)
    {
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return;
        }

        var lines = _rules.DiffMultilineText && (left.Contains('\n', StringComparison.Ordinal) || right.Contains('\n', StringComparison.Ordinal))
            ? TextDiffer.Compute(left, right, TextDiffer.DefaultContext, _budget)
            : null;
        _changes.Add(new JsonChange(path, ChangeKind.Modified, leftNode!.DeepClone(), rightNode!.DeepClone()) { Lines = lines });
    }

    private void Added(string path, JsonNode? value) => _changes.Add(new JsonChange(path, ChangeKind.Added, null, value?.DeepClone()));

    private void Removed(string path, JsonNode? value) => _changes.Add(new JsonChange(path, ChangeKind.Removed, value?.DeepClone(), null));

    private void Modified(string path, JsonNode? left, JsonNode? right) =>
        _changes.Add(new JsonChange(path, ChangeKind.Modified, left?.DeepClone(), right?.DeepClone()));
}
