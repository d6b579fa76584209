using System.Collections.Immutable;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verso.Documents.Diff.Rendering;

/// <summary>
/// Renders any JSON diff as one line per change — <c>+ /path: value</c>, <c>- /path: value</c>,
/// <c>~ /path: old → new</c>, <c>↷ /path ← /from</c> — and multi-line strings as unified-diff hunks.
/// </summary>
public sealed class DefaultDiffRenderer : IDiffRenderer
{
    private const int MaxValueLength = 120;

    private static readonly JsonSerializerOptions ValueOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = Canonical.CanonicalJson.MaxDepth + 1 };

    /// <summary>The shared instance.</summary>
    public static DefaultDiffRenderer Instance { get; } = new();

    /// <inheritdoc />
    public ImmutableArray<RenderedLine> Render(JsonNode? left, JsonNode? right, ImmutableArray<JsonChange> changes)
    {
        var lines = ImmutableArray.CreateBuilder<RenderedLine>();
        lines.Add(new RenderedLine(DiffLineStyle.Header, Summary(changes)));
        foreach (var change in changes)
        {
            var path = change.Path.Length == 0 ? "/" : change.Path;
            switch (change.Kind)
            {
                case ChangeKind.Added:
                    lines.Add(new RenderedLine(DiffLineStyle.Added, $"+ {path}: {Show(change.New)}"));
                    break;
                case ChangeKind.Removed:
                    lines.Add(new RenderedLine(DiffLineStyle.Removed, $"- {path}: {Show(change.Old)}"));
                    break;
                case ChangeKind.Moved:
                    lines.Add(new RenderedLine(DiffLineStyle.Moved, $"↷ {path} ← {change.From}"));
                    break;
                case ChangeKind.Modified when change.Lines is { } text:
                    lines.Add(new RenderedLine(DiffLineStyle.Modified, $"~ {path}:"));
                    AddHunks(lines, text);
                    break;
                default:
                    lines.Add(new RenderedLine(DiffLineStyle.Modified, $"~ {path}: {Show(change.Old)} → {Show(change.New)}"));
                    break;
            }
        }

        return lines.ToImmutable();
    }

    /// <summary>A one-line count of the changes by kind, e.g. <c>3 changes: 1 added, 2 modified</c>.</summary>
    public static string Summary(ImmutableArray<JsonChange> changes)
    {
        if (changes.IsEmpty)
        {
            return "no changes";
        }

        var counts = changes.GroupBy(c => c.Kind).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        return string.Create(CultureInfo.InvariantCulture, $"{changes.Length} change{(changes.Length == 1 ? "" : "s")}: {string.Join(", ", counts)}");
    }

    private static void AddHunks(ImmutableArray<RenderedLine>.Builder lines, TextDiff text)
    {
        foreach (var hunk in text.Hunks)
        {
            lines.Add(new RenderedLine(DiffLineStyle.Hunk, string.Create(CultureInfo.InvariantCulture,
                $"    @@ -{hunk.OldStart},{hunk.OldLength} +{hunk.NewStart},{hunk.NewLength} @@")));
            foreach (var line in hunk.Lines)
            {
                lines.Add(line.Kind switch
                {
                    LineChange.Added => new RenderedLine(DiffLineStyle.Added, "    +" + line.Text),
                    LineChange.Removed => new RenderedLine(DiffLineStyle.Removed, "    -" + line.Text),
                    _ => new RenderedLine(DiffLineStyle.Context, "     " + line.Text),
                });
                if (line.NoNewlineAtEnd)
                {
                    lines.Add(new RenderedLine(DiffLineStyle.Context, "    \\ No newline at end of file"));
                }
            }
        }
    }

    private static string Show(JsonNode? value)
    {
        var json = value is null ? "null" : value.ToJsonString(ValueOptions);
        return json.Length <= MaxValueLength ? json : json[..(MaxValueLength - 1)] + "…";
    }
}
