using System.Collections.Immutable;
using Verso.Documents.Hashing;

namespace Verso.Storage.History;

/// <summary>Every entity's version in force at a moment, named as a whole by one root hash.</summary>
/// <param name="At">The moment, or null for the heads.</param>
/// <param name="Entries">The entries, ordered by kind then id (ordinal).</param>
/// <param name="Root">The Merkle root over the entries (see <see cref="ManifestBuilder"/>).</param>
public sealed record Manifest(DateTimeOffset? At, ImmutableArray<ManifestEntry> Entries, ContentHash Root);
