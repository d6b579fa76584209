using System.Text.Json.Nodes;

namespace Verso.Server.OpenApi;

// Documentation of the import and whole-entity erasure JSON (documentation-only, as the groups not yet answering with Verso.Contracts keep them).
#pragma warning disable CA1812 // Never instantiated: they only describe JSON.

internal sealed class ImportResult
{
    public required int Created { get; init; }
    public required int Unchanged { get; init; }
    public required IReadOnlyList<Contracts.Versions.AppendOutcomeInfo> Items { get; init; }
}

#pragma warning restore CA1812
