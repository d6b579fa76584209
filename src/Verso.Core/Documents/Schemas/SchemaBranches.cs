using System.Text.Json.Nodes;
using Verso.Documents.Merge;
using Verso.Documents.Pointers;

namespace Verso.Documents.Schemas;

// anyOf / oneOf (a value passes one branch: a branch more accepts more) and allOf (a value passes every
// branch: a branch more accepts less). Equal branches are paired first, the rest by position.
internal static class SchemaBranches
{
    public static void Compare(SchemaComparer comparer, JsonObject old, JsonObject @new, string path)
    {
        foreach (var keyword in (string[])["anyOf", "oneOf", "allOf"])
        {
            var every = keyword == "allOf";
            var at = JsonPointer.Append(path, keyword);
            var (was, @is) = (old[keyword] as JsonArray, @new[keyword] as JsonArray);
            if (was is null && @is is null)
            {
                continue;
            }

            if (was is null || @is is null)
            {
                // No keyword puts no constraint; any list of branches puts one.
                var added = @is is not null;
                comparer.Report(at, added ? "branches-added" : "branches-removed", added ? SchemaEffect.Narrows : SchemaEffect.Widens,
                    added ? $"{keyword} added: values must now match its branches" : $"{keyword} removed");
                continue;
            }

            var unmatchedOld = Enumerable.Range(0, was.Count).ToList();
            var unmatchedNew = new List<int>();
            for (var j = 0; j < @is.Count; j++)
            {
                var key = JsonIdentity.Key(@is[j]);
                var same = unmatchedOld.FindIndex(i => JsonIdentity.Key(was[i]) == key);
                if (same >= 0)
                {
                    unmatchedOld.RemoveAt(same);
                }
                else
                {
                    unmatchedNew.Add(j);
                }
            }

            var paired = Math.Min(unmatchedOld.Count, unmatchedNew.Count);
            for (var k = 0; k < paired; k++)
            {
                comparer.Node(was[unmatchedOld[k]], @is[unmatchedNew[k]], JsonPointer.Append(at, unmatchedNew[k]));
            }

            foreach (var j in unmatchedNew.Skip(paired))
            {
                comparer.Report(JsonPointer.Append(at, j), "branch-added", every ? SchemaEffect.Narrows : SchemaEffect.Widens, $"{keyword} branch {j} added");
            }

            foreach (var i in unmatchedOld.Skip(paired))
            {
                comparer.Report(JsonPointer.Append(at, i), "branch-removed", every ? SchemaEffect.Widens : SchemaEffect.Narrows, $"{keyword} branch {i} removed");
            }
        }
    }
}
