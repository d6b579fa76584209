using System.Text.Json.Nodes;
using Verso.Documents.Pointers;

namespace Verso.Documents.Merge;

// Arrays both sides changed: by identity key or as sets when the rules say so; null means "no rule
// applies", which the caller reports as one conflict at the array's path.
internal sealed partial class ThreeWayMerger
{
    private JsonArray? MergeArrays(string path, JsonArray? @base, JsonArray ours, JsonArray theirs)
    {
        if (_rules.IdentityKeyFor(path) is { } keyName)
        {
            return MergeKeyed(path, keyName, @base, ours, theirs);
        }

        return _rules.IsSet(path) ? MergeSet(@base, ours, theirs) : null;
    }

    private JsonArray? MergeKeyed(string path, string keyName, JsonArray? @base, JsonArray ours, JsonArray theirs)
    {
        // Without a usable key on every item the items cannot be matched; better a conflict than a guess.
        if (KeyedItems(@base, keyName) is not { } baseItems || KeyedItems(ours, keyName) is not { } oursItems
            || KeyedItems(theirs, keyName) is not { } theirsItems)
        {
            return null;
        }

        var sides = new Dictionary<string, (Side Base, Side Ours, Side Theirs)>(StringComparer.Ordinal);
        foreach (var key in baseItems.Keys.Concat(oursItems.Keys).Concat(theirsItems.Keys).Distinct(StringComparer.Ordinal))
        {
            sides[key] = (ItemSide(baseItems, key), ItemSide(oursItems, key), ItemSide(theirsItems, key));
        }

        var theirsLead = Reordered(baseItems, theirsItems) && !Reordered(baseItems, oursItems);
        var (primary, secondary) = theirsLead ? (theirsItems, oursItems) : (oursItems, theirsItems);
        var order = primary.Keys.Where(key => Survives(sides[key])).ToList();
        var placed = new HashSet<string>(order, StringComparer.Ordinal);

        // The nearest earlier item of the secondary side that the merge keeps: new items follow it, and
        // follow the primary side's own items placed right after it too, so that each side's additions
        // at one spot stay together, the primary side's first.
        string? anchor = null;
        foreach (var key in secondary.Keys)
        {
            if (placed.Contains(key))
            {
                anchor = key;
            }
            else if (Survives(sides[key]))
            {
                var at = anchor is null ? 0 : order.IndexOf(anchor) + 1;
                while (at < order.Count && !secondary.Items.ContainsKey(order[at]))
                {
                    at++;
                }

                order.Insert(at, key);
                placed.Add(key);
                anchor = key;
            }
        }

        var merged = new JsonArray();
        foreach (var key in order)
        {
            var (baseItem, oursItem, theirsItem) = sides[key];
            merged.Add(MergeValue(JsonPointer.Append(path, merged.Count), baseItem, oursItem, theirsItem).Node);
        }

        return merged;
    }

    // Mirrors MergeValue's outcome without doing the merge: a place both sides changed differently
    // always keeps a value, either merged or (on a conflict) the base one.
    private static bool Survives((Side Base, Side Ours, Side Theirs) item)
    {
        if (item.Ours.SameAs(item.Theirs) || item.Base.SameAs(item.Theirs))
        {
            return item.Ours.Present;
        }

        return !item.Base.SameAs(item.Ours) || item.Theirs.Present;
    }

    private static Side ItemSide(OrderedKeyedItems items, string key) =>
        items.Items.TryGetValue(key, out var item) ? Side.Of(item) : Side.Absent;

    // Whether the side changed the relative order of the items it shares with the base.
    private static bool Reordered(OrderedKeyedItems @base, OrderedKeyedItems side) =>
        !@base.Keys.Where(side.Items.ContainsKey).SequenceEqual(side.Keys.Where(@base.Items.ContainsKey), StringComparer.Ordinal);

    private static OrderedKeyedItems? KeyedItems(JsonArray? array, string keyName)
    {
        var items = new OrderedKeyedItems([], new Dictionary<string, JsonNode>(StringComparer.Ordinal));
        foreach (var item in array ?? [])
        {
            if (item is not JsonObject member || !member.TryGetPropertyValue(keyName, out var keyValue))
            {
                return null;
            }

            var key = JsonIdentity.Key(keyValue);
            if (!items.Items.TryAdd(key, member))
            {
                return null;
            }

            items.Keys.Add(key);
        }

        return items;
    }

    // (base ∪ added on either side) − removed on either side; our order, then their additions in theirs.
    private static JsonArray MergeSet(JsonArray? @base, JsonArray ours, JsonArray theirs)
    {
        var baseKeys = (@base ?? []).Select(JsonIdentity.Key).ToHashSet(StringComparer.Ordinal);
        var theirsKeys = theirs.Select(JsonIdentity.Key).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var merged = new JsonArray();
        foreach (var item in ours)
        {
            var key = JsonIdentity.Key(item);
            var removedByTheirs = baseKeys.Contains(key) && !theirsKeys.Contains(key);
            if (!removedByTheirs && seen.Add(key))
            {
                merged.Add(item?.DeepClone());
            }
        }

        foreach (var item in theirs)
        {
            if (JsonIdentity.Key(item) is var key && !baseKeys.Contains(key) && seen.Add(key))
            {
                merged.Add(item?.DeepClone());
            }
        }

        return merged;
    }

    private sealed record OrderedKeyedItems(List<string> Keys, Dictionary<string, JsonNode> Items);
}
