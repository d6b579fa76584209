using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Diff;
using Verso.Documents.Diff.Rendering;

namespace Verso.Core.Tests.Diff;

public sealed class DefaultDiffRendererTests
{
    [Fact]
    public void EachKindOfChangeHasItsOwnLineAndStyle()
    {
        ImmutableArray<JsonChange> changes =
        [
            new("/tools/1", ChangeKind.Added, null, JsonValue.Create("ci.status")),
            new("/level", ChangeKind.Modified, JsonValue.Create("junior"), JsonValue.Create("senior")),
            new("/old", ChangeKind.Removed, JsonValue.Create(1), null),
            new("/nodes/0", ChangeKind.Moved, null, null) { From = "/nodes/2" },
        ];

        var lines = DefaultDiffRenderer.Instance.Render(null, null, changes);

        Assert.Equal(
            [
                (DiffLineStyle.Header, "4 changes: 1 added, 1 removed, 1 modified, 1 moved"),
                (DiffLineStyle.Added, "+ /tools/1: \"ci.status\""),
                (DiffLineStyle.Modified, "~ /level: \"junior\" → \"senior\""),
                (DiffLineStyle.Removed, "- /old: 1"),
                (DiffLineStyle.Moved, "↷ /nodes/0 ← /nodes/2"),
            ],
            lines.Select(l => (l.Style, l.Text)));
    }

    [Fact]
    public void ProseIsShownAsHunks()
    {
        var hunk = new TextHunk(2, 1, 2, 2, [new(LineChange.Removed, "Review code."), new(LineChange.Added, "Review code carefully."), new(LineChange.Added, "Say why.")]);
        var change = new JsonChange("/charter", ChangeKind.Modified, JsonValue.Create("a"), JsonValue.Create("b")) { Lines = new TextDiff([hunk]) };

        var lines = DefaultDiffRenderer.Instance.Render(null, null, [change]);

        Assert.Equal(
            ["1 change: 1 modified", "~ /charter:", "    @@ -2,1 +2,2 @@", "    -Review code.", "    +Review code carefully.", "    +Say why."],
            lines.Select(l => l.Text));
    }

    [Fact]
    public void AMissingFinalNewlineIsMarked()
    {
        var hunk = new TextHunk(1, 1, 1, 1, [new(LineChange.Removed, "a"), new(LineChange.Added, "b") { NoNewlineAtEnd = true }]);
        var change = new JsonChange("/charter", ChangeKind.Modified, JsonValue.Create("a\n"), JsonValue.Create("b")) { Lines = new TextDiff([hunk]) };

        var lines = DefaultDiffRenderer.Instance.Render(null, null, [change]);

        Assert.Equal("    \\ No newline at end of file", lines[^1].Text);
    }

    [Fact]
    public void LongValuesAreCutShort()
    {
        var change = new JsonChange("/charter", ChangeKind.Added, null, JsonValue.Create(new string('x', 500)));

        var line = DefaultDiffRenderer.Instance.Render(null, null, [change])[1].Text;

        Assert.True(line.Length < 140);
        Assert.EndsWith("…", line, StringComparison.Ordinal);
    }

    [Fact]
    public void NoChangesSaysSo() =>
        Assert.Equal("no changes", Assert.Single(DefaultDiffRenderer.Instance.Render(null, null, [])).Text);
}
