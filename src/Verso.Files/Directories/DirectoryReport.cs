using System.Collections.Immutable;

namespace Verso.Files.Directories;

/// <summary>The outcome of an export, import or status run: one result per file, in path order.</summary>
/// <param name="Files">The results, ordered by path.</param>
public sealed record DirectoryReport(ImmutableArray<FileResult> Files)
{
    /// <summary>How many files ended with <paramref name="status"/>.</summary>
    public int Count(FileStatus status) => Files.Count(f => f.Status == status);

    /// <summary>Whether any file was invalid.</summary>
    public bool HasInvalid => Files.Any(f => f.Status == FileStatus.Invalid);

    /// <summary>Whether the directory and the store differ (status): any changed, new, missing or invalid file.</summary>
    public bool HasDrift => Files.Any(f => f.Status is FileStatus.Changed or FileStatus.New or FileStatus.Missing or FileStatus.Invalid);

    /// <summary>Builds a report, ordering the results by path (ordinal).</summary>
    public static DirectoryReport Of(IEnumerable<FileResult> files) =>
        new([.. files.OrderBy(f => f.Path, StringComparer.Ordinal)]);
}
