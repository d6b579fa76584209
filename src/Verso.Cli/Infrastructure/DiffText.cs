using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Spectre.Console;
using Verso.Documents.Diff;
using Verso.Documents.Diff.Rendering;
using Verso.Model.Kinds;

namespace Verso.Cli.Infrastructure;

/// <summary>A diff for people: a header line, then the kind's rendering, colored on a terminal.</summary>
internal static class DiffText
{
    public static void Write(CliConsole console, EntityKind kind, string header, JsonNode? before, JsonNode? after, ComparisonBudget budget) =>
        Write(console, kind, header, before, after, JsonDiff.Compute(before, after, kind.DiffRules, budget));

    /// <summary>The same, for changes already computed.</summary>
    public static void Write(CliConsole console, EntityKind kind, string header, JsonNode? before, JsonNode? after, ImmutableArray<JsonChange> changes)
    {
        console.Out.WriteLine(header);
        foreach (var line in kind.DiffRenderer.Render(before, after, changes))
        {
            console.Ansi.MarkupLine($"[{Color(line.Style)}]{TerminalText.ForMarkup(line.Text)}[/]");
        }
    }

    private static string Color(DiffLineStyle style) => style switch
    {
        DiffLineStyle.Added => "green",
        DiffLineStyle.Removed => "red",
        DiffLineStyle.Modified => "yellow",
        DiffLineStyle.Moved => "blue",
        DiffLineStyle.Hunk => "cyan",
        DiffLineStyle.Header => "bold",
        _ => "default",
    };
}
