using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Documents.Patch;
using Verso.Documents.Pointers;

namespace Verso.Documents.Diff;

// The walk behind JsonPatchBuilder.Create. An array's own operations (removals, moves, additions) all
// come before any operation inside its items, so by the time an item is patched it sits at its
// right-hand index and the path to it is simply the right-hand path.
internal sealed class PatchEmitter
{
    private readonly DiffRules _rules;
    private readonly ComparisonBudget _budget;
    private readonly CanonicalTexts _texts = new();
    private readonly ImmutableArray<PatchOperation>.Builder _operations = ImmutableArray.CreateBuilder<PatchOperation>();

    private PatchEmitter(DiffRules rules, ComparisonBudget budget) => (_rules, _budget) = (rules, budget);

    public static ImmutableArray<PatchOperation> Run(JsonNode? left, JsonNode? right, DiffRules rules, ComparisonBudget budget)
    {
        var emitter = new PatchEmitter(rules, budget);
        emitter.Value(left, right, JsonPointer.Root);
        return emitter._operations.ToImmutable();
    }

    private void Value(JsonNode? left, JsonNode? right, string path)
    {
        var kind = CanonicalTexts.KindOf(left);
        if (kind != CanonicalTexts.KindOf(right))
        {
            Replace(path, right);
        }
        else if (kind == JsonValueKind.Object)
        {
            Object((JsonObject)left!, (JsonObject)right!, path);
        }
        else if (kind == JsonValueKind.Array)
        {
            Array((JsonArray)left!, (JsonArray)right!, path);
        }
        else if (!_texts.Equal(left, right))
        {
            Replace(path, right);
        }
    }

    private void Object(JsonObject left, JsonObject right, string path)
    {
        foreach (var (name, _) in left)
        {
            if (!right.ContainsKey(name))
            {
                _operations.Add(new PatchOperation(PatchOperationType.Remove, JsonPointer.Append(path, name)));
            }
        }

        foreach (var (name, rightValue) in right)
        {
            if (left.TryGetPropertyValue(name, out var leftValue))
            {
                Value(leftValue, rightValue, JsonPointer.Append(path, name));
            }
            else
            {
                Add(JsonPointer.Append(path, name), rightValue);
            }
        }
    }

    private void Array(JsonArray left, JsonArray right, string path)
    {
        if (_rules.IdentityKeyFor(path) is { } key && KeyedArrayMatch.TryCreate(left, right, key, _texts) is { } match)
        {
            // Each move looks items up in a list of the common items; past the cost bound one replace is cheaper.
            if ((long)match.MoveCount * left.Count <= _rules.MaxArrayDiffCost)
            {
                Keyed(left, right, match, path);
                return;
            }
        }
        else if ((long)left.Count * right.Count <= _rules.MaxArrayDiffCost)
        {
            Sequence(left, right, path);
            return;
        }

        if (!_texts.Equal(left, right))
        {
            Replace(path, right);
        }
    }

    private void Keyed(JsonArray left, JsonArray right, KeyedArrayMatch match, string path)
    {
        for (var i = left.Count - 1; i >= 0; i--)
        {
            if (match.RightOf[i] < 0)
            {
                Remove(path, i);
            }
        }

        // What the array holds now, as left indices. Each moved item, taken in right order, goes just
        // after the common item that precedes it on the right; the items already placed and the stable
        // ones are then in right order, so once the last one is placed all of them are.
        var current = Enumerable.Range(0, left.Count).Where(i => match.RightOf[i] >= 0).ToList();
        var predecessor = -1;
        for (var j = 0; j < right.Count; j++)
        {
            var i = match.LeftOf[j];
            if (i < 0)
            {
                continue;
            }

            if (!match.Stable[j])
            {
                var from = current.IndexOf(i);
                current.RemoveAt(from);
                var to = predecessor < 0 ? 0 : current.IndexOf(predecessor) + 1;
                current.Insert(to, i);
                if (from != to)
                {
                    _operations.Add(new PatchOperation(PatchOperationType.Move, JsonPointer.Append(path, to), JsonPointer.Append(path, from)));
                }
            }

            predecessor = i;
        }

        for (var j = 0; j < right.Count; j++)
        {
            if (match.LeftOf[j] < 0)
            {
                Add(JsonPointer.Append(path, j), right[j]);
            }
        }

        for (var j = 0; j < right.Count; j++)
        {
            if (match.LeftOf[j] >= 0)
            {
                Value(left[match.LeftOf[j]], right[j], JsonPointer.Append(path, j));
            }
        }
    }

    // Within each block, removed and added items of one shape are paired in order and patched in
    // place (a replace for scalars); the rest are removed from the highest index down, which keeps the
    // lower indices valid, then added from the lowest index up, each landing at its right-hand index.
    private void Sequence(JsonArray left, JsonArray right, string path)
    {
        var removals = new List<int>();
        var additions = new List<int>();
        var pairs = new List<(int Left, int Right)>();
        foreach (var block in SequenceDiff.Compute(left.Select(_texts.Of).ToList(), right.Select(_texts.Of).ToList(), _budget))
        {
            var paired = SequenceDiff.Pair(block, (l, r) => Shape(left[l]) == Shape(right[r]));
            pairs.AddRange(paired);
            removals.AddRange(Enumerable.Range(block.DeleteStartA, block.DeleteCountA).Except(paired.Select(p => p.Left)));
            additions.AddRange(Enumerable.Range(block.InsertStartB, block.InsertCountB).Except(paired.Select(p => p.Right)));
        }

        foreach (var i in removals.OrderDescending())
        {
            Remove(path, i);
        }

        foreach (var j in additions.Order())
        {
            Add(JsonPointer.Append(path, j), right[j]);
        }

        foreach (var (i, j) in pairs)
        {
            Value(left[i], right[j], JsonPointer.Append(path, j));
        }
    }

    // Objects pair with objects, arrays with arrays and scalars with scalars (patched by one replace).
    private static int Shape(JsonNode? node) => node switch
    {
        JsonObject => 1,
        JsonArray => 2,
        _ => 0,
    };

    private void Add(string path, JsonNode? value) =>
        _operations.Add(new PatchOperation(PatchOperationType.Add, path, Value: value?.DeepClone()));

    private void Remove(string arrayPath, int index) =>
        _operations.Add(new PatchOperation(PatchOperationType.Remove, JsonPointer.Append(arrayPath, index)));

    private void Replace(string path, JsonNode? value) =>
        _operations.Add(new PatchOperation(PatchOperationType.Replace, path, Value: value?.DeepClone()));
}
