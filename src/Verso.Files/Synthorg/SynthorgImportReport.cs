using System.Collections.Immutable;

namespace Verso.Files.Synthorg;

/// <summary>What <see cref="SynthorgImporter.ImportAsync"/> did.</summary>
/// <param name="Tables">Each table read and the kind its rows became.</param>
/// <param name="Entities">Entities imported (all their versions there now).</param>
/// <param name="Created">Versions appended.</param>
/// <param name="Unchanged">Versions that were there already with the same content (a second run).</param>
/// <param name="Mismatches">Rows whose stored content_hash is not the platform's hash of their snapshot, as <c>kind/id@version</c>.</param>
/// <param name="Refused">Entities not imported, each with why (a gap in its numbers, a row that does not read, a version there with another content).</param>
public sealed record SynthorgImportReport(
    ImmutableArray<(string Table, string Kind)> Tables,
    int Entities,
    int Created,
    int Unchanged,
    ImmutableArray<string> Mismatches,
    ImmutableArray<(string Entity, string Reason)> Refused);
