using System.Collections.Immutable;
using Verso.Contracts.Compare;
using Verso.Documents.Diff;
using Verso.Versioning.Replay;
using Verso.Model.Snapshots;

namespace Verso.Server.Wire;

/// <summary>Comparisons as the wire shows them: Core's diffs, blames, verdicts and merges mapped to <see cref="Verso.Contracts.Compare"/>.</summary>
public static class WireCompare
{
    /// <summary>One change: <c>old</c> left out for an addition, <c>new</c> for a removal.</summary>
    public static Change Of(JsonChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return new Change
        {
            Path = change.Path,
            Kind = change.Kind.ToString().ToLowerInvariant(),
            From = change.From,
            Old = WireJson.OfPresent(change.Old, change.Kind != ChangeKind.Added),
            New = WireJson.OfPresent(change.New, change.Kind != ChangeKind.Removed),
            Hunks = change.Lines is { } text ? [.. text.Hunks.Select(Of)] : null,
        };
    }

    /// <summary>Every change, in order.</summary>
    public static List<Change> Of(ImmutableArray<JsonChange> changes) => [.. changes.Select(Of)];

    /// <summary>The changes between two versions.</summary>
    public static DiffResult Diff(Snapshot older, Snapshot newer, ImmutableArray<JsonChange> changes)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        return new DiffResult { From = older.Ref.ToString(), To = newer.Ref.ToString(), Changes = Of(changes) };
    }

    /// <summary>A compatibility verdict; a tool change with no direction is about the tool itself.</summary>
    public static CompatVerdict Of(ReplayVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new CompatVerdict
        {
            Verdict = verdict.Verdict.ToString().ToLowerInvariant(),
            Differences = Of(verdict.Differences),
            Cosmetic = Of(verdict.Cosmetic),
            ToolChanges = [.. verdict.ToolChanges.Select(c => new ToolChangeEntry
            {
                Tool = c.Tool,
                Source = c.Source,
                Path = c.Path,
                Direction = c.Direction?.ToString().ToLowerInvariant() ?? "tool",
                Kind = c.Kind,
                Level = c.Level.ToString().ToLowerInvariant(),
                Message = c.Message,
            })],
        };
    }

    /// <summary>The versions that pin <paramref name="target"/>.</summary>
    public static Referrers Referrers(Snapshot target, IEnumerable<Naming.VersionRef> referrers)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(referrers);
        return new Referrers { Ref = target.Ref.ToString(), Hash = target.Hash.ToString(), ReferredBy = [.. referrers.Select(r => r.ToString())] };
    }

    private static Contracts.Compare.TextHunk Of(Documents.Diff.TextHunk hunk) => new()
    {
        OldStart = hunk.OldStart,
        OldLength = hunk.OldLength,
        NewStart = hunk.NewStart,
        NewLength = hunk.NewLength,
        Lines = [.. hunk.Lines.Select(l => (l.Kind switch { LineChange.Added => "+", LineChange.Removed => "-", _ => " " }) + l.Text)],
    };
}
