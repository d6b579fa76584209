using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Merge;
using Verso.Documents.Pointers;
using Verso.Documents.Schemas;

namespace Verso.Versioning.Tools;

/// <summary>
/// Compares two versions of one MCP Tool object (<c>name</c>, <c>title</c>, <c>description</c>,
/// <c>inputSchema</c>, <c>outputSchema</c>, <c>annotations</c>): its <c>inputSchema</c> as
/// <see cref="SchemaDirection.Input"/>, its <c>outputSchema</c> as <see cref="SchemaDirection.Output"/>.
/// </summary>
/// <remarks>
/// A new name is breaking (callers call the tool by it); a title or description is compatible; a
/// behaviour hint (<c>readOnlyHint</c>, <c>destructiveHint</c>, <c>idempotentHint</c>, <c>openWorldHint</c>)
/// is a warning, since clients decide from them whether to ask before a call; <c>icons</c> and <c>_meta</c>
/// are compatible; any other member that changed is a warning.
/// </remarks>
public static class ToolComparison
{
    private static readonly string[] Described = ["title", "description", "icons", "_meta"];

    /// <summary>Every change between <paramref name="before"/> and <paramref name="after"/>, both MCP Tool objects.</summary>
    /// <param name="before">The definition callers were written against.</param>
    /// <param name="after">The definition they meet now.</param>
    /// <param name="source">Where the newer definition lives, copied into each change.</param>
    public static ImmutableArray<ToolChange> Compare(JsonNode? before, JsonNode? after, string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var (old, @new) = (before as JsonObject ?? [], after as JsonObject ?? []);
        var tool = NameOf(@new) ?? NameOf(old) ?? "(unnamed)";
        var changes = ImmutableArray.CreateBuilder<ToolChange>();
        void Add(string path, SchemaDirection? direction, string kind, SchemaChangeLevel level, string message) =>
            changes.Add(new ToolChange(tool, source, path, direction, kind, level, message));

        if (NameOf(old) != NameOf(@new))
        {
            Add("/name", null, "tool-renamed", SchemaChangeLevel.Breaking, $"renamed {NameOf(old)} → {NameOf(@new)}: callers call it by name");
        }

        foreach (var (member, direction) in new[] { ("inputSchema", SchemaDirection.Input), ("outputSchema", SchemaDirection.Output) })
        {
            foreach (var change in SchemaComparison.Compare(old[member], @new[member], direction))
            {
                Add(JsonPointer.Append(JsonPointer.Root, member) + change.Path, direction, change.Kind, change.Level, change.Message);
            }
        }

        foreach (var member in Members(old, @new).Where(m => m is not ("name" or "inputSchema" or "outputSchema")))
        {
            if (Same(old[member], @new[member]) && old.ContainsKey(member) == @new.ContainsKey(member))
            {
                continue;
            }

            var at = JsonPointer.Append(JsonPointer.Root, member);
            if (member == "annotations")
            {
                Hints(old[member] as JsonObject ?? [], @new[member] as JsonObject ?? [], at, Add);
            }
            else if (Described.Contains(member, StringComparer.Ordinal))
            {
                Add(at, null, "description-changed", SchemaChangeLevel.Compatible, $"{member} changed");
            }
            else
            {
                Add(at, null, "unknown-field", SchemaChangeLevel.Warning, $"{member} is not an MCP Tool field, and it changed");
            }
        }

        return changes.ToImmutable();
    }

    /// <summary>The tool's <c>name</c>, or null when it has none.</summary>
    public static string? NameOf(JsonNode? tool) => tool is JsonObject obj ? Documents.Schemas.SchemaComparer.Text(obj["name"]) : null;

    private static void Hints(JsonObject old, JsonObject @new, string at, Action<string, SchemaDirection?, string, SchemaChangeLevel, string> add)
    {
        foreach (var hint in Members(old, @new).Where(h => !Same(old[h], @new[h]) || old.ContainsKey(h) != @new.ContainsKey(h)))
        {
            var (level, kind) = hint == "title" ? (SchemaChangeLevel.Compatible, "description-changed") : (SchemaChangeLevel.Warning, "annotation-hint-changed");
            add(JsonPointer.Append(at, hint), null, kind, level, $"{hint} {Text(old[hint])} → {Text(@new[hint])}");
        }
    }

    private static IEnumerable<string> Members(JsonObject old, JsonObject @new) =>
        old.Select(p => p.Key).Union(@new.Select(p => p.Key), StringComparer.Ordinal);

    private static bool Same(JsonNode? a, JsonNode? b) => JsonIdentity.Key(a) == JsonIdentity.Key(b);

    private static string Text(JsonNode? node) => node?.ToJsonString() ?? "unset";
}
