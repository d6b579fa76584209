using System.Collections.Immutable;

namespace Verso.Files.Git;

/// <summary>What an import did.</summary>
/// <param name="CommitsWalked">The commits walked.</param>
/// <param name="VersionsCreated">New versions per entity, by <c>kind/id</c> (entities that got none are left out).</param>
/// <param name="Unchanged">Steps whose content equalled the entity's head, so nothing was appended.</param>
/// <param name="AlreadyImported">Steps an earlier import of this history already took, skipped without a save.</param>
/// <param name="Deletions">New versions that record a deletion (counted in <paramref name="VersionsCreated"/> too).</param>
/// <param name="Skipped">Followed files that were not imported, with the reason.</param>
public sealed record GitImportSummary(
    int CommitsWalked,
    ImmutableSortedDictionary<string, int> VersionsCreated,
    int Unchanged,
    int AlreadyImported,
    int Deletions,
    ImmutableArray<GitImportSkip> Skipped)
{
    /// <summary>The files a precedence rule set aside, each listed once, at the first commit whose tree held it.</summary>
    public ImmutableArray<GitImportShadow> Shadowed { get; init; } = [];

    /// <summary>New versions in all.</summary>
    public int TotalCreated => VersionsCreated.Values.Sum();
}
