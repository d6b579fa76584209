using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Verso.Documents.Blame;

/// <summary>One leaf value of a document and the version that last changed it.</summary>
/// <param name="Path">The RFC 6901 pointer of the leaf.</param>
/// <param name="Value">The leaf (a string, number, boolean, null, or an empty object or array).</param>
/// <param name="Origin">The version that last changed the leaf.</param>
/// <param name="Lines">For a multi-line string: each line with its own origin; otherwise empty.</param>
public sealed record BlameEntry(string Path, JsonNode? Value, BlameOrigin Origin, ImmutableArray<BlameLine> Lines);
