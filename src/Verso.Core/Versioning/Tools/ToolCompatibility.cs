using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Model.Kinds;
using Verso.Documents.Pointers;
using Verso.Versioning.Replay;
using Verso.Documents.Schemas;

namespace Verso.Versioning.Tools;

/// <summary>
/// The replay verdict for a kind whose records declare tools (<see cref="EntityKind.Tools"/>): the tools
/// of both versions paired and compared one by one, so a verdict lists each tool change with its path,
/// direction and level instead of calling any change under the tools breaking as a whole.
/// </summary>
public static class ToolCompatibility
{
    /// <summary>
    /// Compares two versions as <see cref="ReplayCompatibility.Compare"/> does, then, when the kind
    /// declares tools, replaces the differences inside its tool fields by the tool changes: breaking if any
    /// other behaviour difference or a breaking tool change remains, warning if a tool change could not be
    /// decided, compatible otherwise.
    /// </summary>
    /// <param name="kind">The kind of both values.</param>
    /// <param name="left">The version a task was recorded under.</param>
    /// <param name="right">The version it would be replayed under.</param>
    /// <param name="resolve">Reads a referenced <c>tool/ID@N</c> version.</param>
    /// <param name="budget">The work the comparison may take (null: unbounded), as <see cref="ReplayCompatibility.Compare"/> takes it.</param>
    /// <param name="cancellationToken">Cancels reading referenced tools.</param>
    /// <exception cref="Errors.NotFoundException">A referenced tool version does not exist.</exception>
    public static async Task<ReplayVerdict> CompareAsync(
        EntityKind kind, JsonNode? left, JsonNode? right, ToolResolver resolve, Documents.Diff.ComparisonBudget? budget = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(resolve);
        var verdict = ReplayCompatibility.Compare(kind, left, right, budget);
        if (kind.Tools is not { } locator || verdict.Verdict == CompatibilityLevel.Identical)
        {
            return verdict;
        }

        var changes = await ChangesAsync(locator, left, right, resolve, cancellationToken).ConfigureAwait(false);
        bool Covered(string path) => locator.Pointers.Any(p => path == p || path.StartsWith(p + "/", StringComparison.Ordinal));
        var differences = verdict.Differences.Where(c => !Covered(c.Path)).ToImmutableArray();
        var worst = changes.Select(c => c.Level).DefaultIfEmpty(SchemaChangeLevel.Compatible).Max();
        var level = differences.Length > 0 || worst == SchemaChangeLevel.Breaking ? CompatibilityLevel.Breaking
            : worst == SchemaChangeLevel.Warning ? CompatibilityLevel.Warning
            : CompatibilityLevel.Compatible;
        return new ReplayVerdict(level, differences, [.. verdict.Cosmetic.Where(c => !Covered(c.Path))]) { ToolChanges = changes };
    }

    /// <summary>The tool changes alone: each tool of either version paired with its counterpart and compared.</summary>
    /// <exception cref="Errors.NotFoundException">A referenced tool version does not exist.</exception>
    public static async Task<ImmutableArray<ToolChange>> ChangesAsync(
        IToolLocator locator, JsonNode? left, JsonNode? right, ToolResolver resolve, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentNullException.ThrowIfNull(resolve);
        var before = await ToolsAsync(locator, left, resolve, cancellationToken).ConfigureAwait(false);
        var after = await ToolsAsync(locator, right, resolve, cancellationToken).ConfigureAwait(false);
        var changes = ImmutableArray.CreateBuilder<ToolChange>();
        foreach (var (key, now) in after)
        {
            if (before.TryGetValue(key, out var was))
            {
                changes.AddRange(ToolComparison.Compare(was.Definition, now.Definition, now.Source));
            }
            else
            {
                changes.Add(new ToolChange(Name(now.Definition, key), now.Source, JsonPointer.Root, null, "tool-added", SchemaChangeLevel.Compatible, "tool added"));
            }
        }

        foreach (var (key, was) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            changes.Add(new ToolChange(Name(was.Definition, key), was.Source, JsonPointer.Root, null, "tool-removed", SchemaChangeLevel.Breaking, "tool removed: a task that calls it fails"));
        }

        return changes.ToImmutable();
    }

    /// <summary>A resolver that reads referenced tool versions from <paramref name="service"/>.</summary>
    public static ToolResolver Reading(Versioning.VersioningService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return async (reference, cancellationToken) =>
        {
            var snapshot = await service.GetAsync(reference, cancellationToken).ConfigureAwait(false);
            snapshot.ThrowIfContentRemoved();
            return Documents.Canonical.JsonLimits.ParseNode(snapshot.Content.Span);
        };
    }

    private static async Task<SortedDictionary<string, (JsonNode? Definition, string Source)>> ToolsAsync(
        IToolLocator locator, JsonNode? record, ToolResolver resolve, CancellationToken cancellationToken)
    {
        var tools = new SortedDictionary<string, (JsonNode?, string)>(StringComparer.Ordinal);
        foreach (var site in locator.ToolsIn(record))
        {
            var (definition, source) = site.Reference is { } reference
                ? (await resolve(reference, cancellationToken).ConfigureAwait(false), reference.ToString())
                : (site.Definition, site.Source);
            tools[site.Key ?? ToolComparison.NameOf(definition) ?? site.Source] = (definition, source);
        }

        return tools;
    }

    private static string Name(JsonNode? definition, string key) => ToolComparison.NameOf(definition) ?? key;
}
