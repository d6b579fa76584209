using System.Text.Json.Nodes;
using Verso.Core.Tests.Diff.Support;
using Verso.Documents.Diff;
using static Verso.Core.Tests.Diff.Support.DiffJson;

namespace Verso.Core.Tests.Diff;

/// <summary>Arrays whose items are matched by an identity key: additions, removals, field edits and moves.</summary>
public sealed class KeyedArrayDiffTests
{
    private static readonly DiffRules NodesById = DiffRules.Default with
    {
        IdentityKeys = DiffRules.Default.IdentityKeys.Add("/nodes", "id").Add("/nodes/*/ports", "name"),
    };

    [Fact]
    public void ItemsAreMatchedByKeySoAnEditIsAFieldChangeAtTheRightHandIndex()
    {
        var changes = Changes(
            """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c","label":"C"}]}""",
            """{"nodes":[{"id":"a"},{"id":"c","label":"Start"},{"id":"d"}]}""",
            NodesById);

        Assert.Equal(["- /nodes/1 {\"id\":\"b\"}", "~ /nodes/1/label \"C\" \"Start\"", "+ /nodes/2 {\"id\":\"d\"}"], Describe(changes));
    }

    [Fact]
    public void OneItemMovedUpIsExactlyOneMoveNotARemovalAndAnAddition()
    {
        var changes = Changes(
            """{"nodes":[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d"},{"id":"e","x":1}]}""",
            """{"nodes":[{"id":"a"},{"id":"e","x":2},{"id":"b"},{"id":"c"},{"id":"d"}]}""",
            NodesById);

        Assert.Equal(["> /nodes/4 /nodes/1", "~ /nodes/1/x 1 2"], Describe(changes));
    }

    [Fact]
    public void SwappingTwoItemsIsOneMove()
    {
        var moved = Assert.Single(Changes("""{"nodes":[{"id":1},{"id":2}]}""", """{"nodes":[{"id":2},{"id":1}]}""", NodesById));

        Assert.Equal(ChangeKind.Moved, moved.Kind);
        Assert.Equal(("/nodes/1", "/nodes/0"), (moved.From, moved.Path));
        Assert.Equal("{\"id\":2}", DiffJson.CanonicalText(moved.New));
    }

    [Fact]
    public void WildcardPatternsKeyNestedArrays()
    {
        var changes = Changes(
            """{"nodes":[{"id":1,"ports":[{"name":"in","w":1},{"name":"out"}]}]}""",
            """{"nodes":[{"id":1,"ports":[{"name":"out"},{"name":"in","w":2}]}]}""",
            NodesById);

        Assert.Equal(["> /nodes/0/ports/1 /nodes/0/ports/0", "~ /nodes/0/ports/1/w 1 2"], Describe(changes));
    }

    [Theory]
    [InlineData("""{"nodes":[{"id":1},{"id":1},{"id":2}]}""", """{"nodes":[{"id":2},{"id":1},{"id":1}]}""")]
    [InlineData("""{"nodes":[{"id":1},{"name":2},{"id":3}]}""", """{"nodes":[{"id":3},{"id":1},{"name":2}]}""")]
    [InlineData("""{"nodes":[{"id":1},7,{"id":3}]}""", """{"nodes":[{"id":3},{"id":1},7]}""")]
    public void ArraysWithRepeatedOrMissingKeysFallBackToTheSequenceDiff(string left, string right)
    {
        var changes = Changes(left, right, NodesById);

        Assert.DoesNotContain(changes, c => c.Kind == ChangeKind.Moved);
        Assert.Equal(Describe(Changes(left, right)), Describe(changes));
    }

    [Fact]
    public void TwentyThousandItemsWithOnePercentEditsGiveExactlyThoseChanges()
    {
        var (left, right) = LargeNodes();

        var changes = JsonDiff.Compute(left, right, NodesById);

        Assert.Equal(20, changes.Count(c => c.Kind == ChangeKind.Removed));
        Assert.Equal(20, changes.Count(c => c.Kind == ChangeKind.Added));
        Assert.Equal(10, changes.Count(c => c.Kind == ChangeKind.Moved));
        Assert.Equal(200, changes.Count(c => c.Kind == ChangeKind.Modified));
        Assert.Equal(250, changes.Length);
        Assert.Contains(changes, c => c.Kind == ChangeKind.Modified && c.Path == "/nodes/2990/label");
        Assert.Contains(changes, c => c.Kind == ChangeKind.Moved && c.From == "/nodes/5" && c.Path == $"/nodes/{19999 - 9}");
    }

    [Fact]
    public void KeyedMatchingDoesLinearithmicWorkWhereASequenceDiffWouldBeQuadratic()
    {
        var (left, right) = LargeNodes();
        var leftNodes = (JsonArray)left["nodes"]!;
        var rightNodes = (JsonArray)right["nodes"]!;

        var match = KeyedArrayMatch.TryCreate(leftNodes, rightNodes, "id", new CanonicalTexts());

        // 40,000 lookups and a binary search per item: well under a million steps, against the
        // 400,000,000 pairs a quadratic comparison would visit.
        Assert.NotNull(match);
        Assert.InRange(match.Steps, 40_000, 1_000_000);
        Assert.Equal(10, match.MoveCount);

        // Without the key, the same arrays are far beyond the default cost bound: one modification.
        var unkeyed = Assert.Single(JsonDiff.Compute(left, right));
        Assert.Equal(("/nodes", ChangeKind.Modified), (unkeyed.Path, unkeyed.Kind));
    }

    // 20,000 nodes; on the right 20 are removed, 200 relabelled, 10 moved to the end and 20 added.
    internal static (JsonObject Left, JsonObject Right) LargeNodes()
    {
        static JsonObject Node(string id, string label, int x) => new() { ["id"] = id, ["label"] = label, ["x"] = x };

        var left = Enumerable.Range(0, 20_000).Select(i => Node($"n{i}", $"L{i}", i)).ToList();
        var removed = Enumerable.Range(0, 20).Select(k => 10_000 + (50 * k)).ToHashSet();
        var relabelled = Enumerable.Range(0, 200).Select(k => 3_000 + (20 * k)).ToHashSet();
        var moved = Enumerable.Range(0, 10).Select(k => 5 + (10 * k)).ToList();

        var right = new List<JsonObject>();
        for (var i = 0; i < left.Count; i++)
        {
            if (i >= 12_000 && (i - 12_000) % 400 == 0 && i < 20_000)
            {
                right.Add(Node($"new{i}", "added", -1));
            }

            if (!removed.Contains(i) && !moved.Contains(i))
            {
                right.Add(Node($"n{i}", relabelled.Contains(i) ? "edited" : $"L{i}", i));
            }
        }

        right.AddRange(moved.Select(i => Node($"n{i}", $"L{i}", i)));
        return (
            new JsonObject { ["nodes"] = new JsonArray([.. left]) },
            new JsonObject { ["nodes"] = new JsonArray([.. right]) });
    }
}
