using System.Text.Json.Nodes;

namespace Verso.Server.OpenApi;

#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class Change
{
    public required string Path { get; init; }

    /// <summary>added, removed, modified or moved.</summary>
    public required string Kind { get; init; }

    /// <summary>For a move: the old path.</summary>
    public string? From { get; init; }
    public JsonNode? Old { get; init; }
    public JsonNode? New { get; init; }
    public IReadOnlyList<TextHunk>? Hunks { get; init; }
}

internal sealed class TextHunk
{
    public required int OldStart { get; init; }
    public required int OldLength { get; init; }
    public required int NewStart { get; init; }
    public required int NewLength { get; init; }

    /// <summary>Each line prefixed with " ", "-" or "+".</summary>
    public required IReadOnlyList<string> Lines { get; init; }
}

internal sealed class DiffResult
{
    public required string From { get; init; }
    public required string To { get; init; }
    public required IReadOnlyList<Change> Changes { get; init; }
}

internal sealed class PatchOperation
{
    public required string Op { get; init; }
    public required string Path { get; init; }
    public string? From { get; init; }
    public JsonNode? Value { get; init; }
}

internal sealed class BlameLine
{
    public required int Number { get; init; }
    public required string Text { get; init; }
    public required int Version { get; init; }
    public required string SavedBy { get; init; }
    public required DateTimeOffset SavedAt { get; init; }
}

internal sealed class BlameEntry
{
    public required string Path { get; init; }
    public required JsonNode? Value { get; init; }
    public required int Version { get; init; }
    public required string SavedBy { get; init; }
    public required DateTimeOffset SavedAt { get; init; }
    public IReadOnlyList<BlameLine>? Lines { get; init; }
}

internal sealed class BlameResult
{
    public required string Ref { get; init; }
    public required string Hash { get; init; }
    public required IReadOnlyList<BlameEntry> Entries { get; init; }
}

internal sealed class Referrers
{
    public required string Ref { get; init; }
    public required string Hash { get; init; }
    public required IReadOnlyList<string> ReferredBy { get; init; }
}

internal sealed class CompatVerdict
{
    /// <summary>identical, compatible, warning (a tool change could not be decided) or breaking.</summary>
    public required string Verdict { get; init; }
    public required IReadOnlyList<Change> Differences { get; init; }
    public required IReadOnlyList<Change> Cosmetic { get; init; }
    /// <summary>Each change to a tool the record declares (MCP tool schemas judged by direction).</summary>
    public required IReadOnlyList<ToolChangeEntry> ToolChanges { get; init; }
}

internal sealed class ToolChangeEntry
{
    /// <summary>The tool's name.</summary>
    public required string Tool { get; init; }
    /// <summary>Where the newer definition lives: a pointer into the record, or the tool/ID@N it references.</summary>
    public required string Source { get; init; }
    /// <summary>The pointer in the tool object, e.g. /inputSchema/properties/city/type.</summary>
    public required string Path { get; init; }
    /// <summary>input, output or tool (the tool itself: name, description, hints).</summary>
    public required string Direction { get; init; }
    /// <summary>What changed, e.g. type-narrowed, enum-widened, tool-removed.</summary>
    public required string Kind { get; init; }
    /// <summary>compatible, warning or breaking.</summary>
    public required string Level { get; init; }
    public required string Message { get; init; }
}

internal sealed class MergeResult
{
    public required bool Clean { get; init; }
    public required JsonObject Merged { get; init; }
    public string? Status { get; init; }
    public string? Ref { get; init; }
    public string? Hash { get; init; }
}
#pragma warning restore CA1812
