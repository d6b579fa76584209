using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Diff;
using Verso.Documents.Diff.Rendering;

namespace Verso.Agents.Workflows;

/// <summary>
/// Renders a workflow diff for people: the <see cref="WorkflowChanges.Summary"/> as a header, then one
/// line per change in the words of <see cref="WorkflowDiff"/> (<c>+ node "Review" (review) added</c>).
/// A workflow kind plugs it in as its <see cref="Verso.Model.Kinds.EntityKind.DiffRenderer"/>.
/// </summary>
/// <remarks>
/// The generic change list it is given is not used: the workflow diff is recomputed from the two values,
/// because its matching (by id, with a move threshold) differs from the structural one. When either
/// value is not a JSON object, and so not a workflow, the <see cref="DefaultDiffRenderer"/> renders instead.
/// </remarks>
public sealed class WorkflowDiffRenderer : IDiffRenderer
{
    /// <summary>Creates a renderer.</summary>
    /// <param name="moveThreshold">How far a node must move, in canvas units, to count as moved.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="moveThreshold"/> is negative or not a number.</exception>
    public WorkflowDiffRenderer(double moveThreshold = WorkflowDiff.DefaultMoveThreshold)
    {
        if (double.IsNaN(moveThreshold) || moveThreshold < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(moveThreshold), moveThreshold, "The move threshold is a distance: zero or more.");
        }

        MoveThreshold = moveThreshold;
    }

    /// <summary>A renderer with the default move threshold.</summary>
    public static WorkflowDiffRenderer Instance { get; } = new();

    /// <summary>How far a node must move, in canvas units, to count as moved.</summary>
    public double MoveThreshold { get; }

    /// <inheritdoc />
    public ImmutableArray<RenderedLine> Render(JsonNode? left, JsonNode? right, ImmutableArray<JsonChange> changes)
    {
        if (left is not (null or JsonObject) || right is not (null or JsonObject))
        {
            return DefaultDiffRenderer.Instance.Render(left, right, changes);
        }

        var diff = WorkflowDiff.Compute(left, right, MoveThreshold);
        var lines = ImmutableArray.CreateBuilder<RenderedLine>();
        lines.Add(new RenderedLine(DiffLineStyle.Header, diff.Summary));
        foreach (var change in diff.Nodes)
        {
            lines.Add(Line(change.Kind switch
            {
                NodeChangeKind.Added => DiffLineStyle.Added,
                NodeChangeKind.Removed => DiffLineStyle.Removed,
                NodeChangeKind.Moved => DiffLineStyle.Moved,
                _ => DiffLineStyle.Modified,
            }, change.Description));
        }

        foreach (var change in diff.Edges)
        {
            lines.Add(Line(change.Kind switch
            {
                EdgeChangeKind.Added => DiffLineStyle.Added,
                EdgeChangeKind.Removed => DiffLineStyle.Removed,
                _ => DiffLineStyle.Modified,
            }, change.Description));
        }

        foreach (var change in diff.Metadata)
        {
            lines.Add(Line(DiffLineStyle.Modified, change.Description));
        }

        return lines.ToImmutable();
    }

    // The same markers as the default renderer, so a diff reads the same without color.
    private static RenderedLine Line(DiffLineStyle style, string text) => new(style, style switch
    {
        DiffLineStyle.Added => "+ ",
        DiffLineStyle.Removed => "- ",
        DiffLineStyle.Moved => "↷ ",
        _ => "~ ",
    } + text);
}
