using Verso.Files.Directories;
using Verso.Files.Errors;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Squad;

/// <summary>
/// Compares a Squad team folder with what <see cref="SquadExporter"/> would write there, without writing:
/// each file the export writes is unchanged (same bytes), changed or missing, and each charter
/// (<c>agents/&lt;id&gt;/charter.md</c>, <c>agents/_alumni/&lt;id&gt;/charter.md</c>) or inbox file the folder has
/// beyond those is new. Bytes decide, since a Squad export is byte for byte what was imported.
/// </summary>
public sealed class SquadStatus
{
    private readonly VersioningService _service;
    private readonly IVersionStore _store;

    /// <summary>Creates the comparison over <paramref name="store"/>, the store <paramref name="service"/> serves.</summary>
    public SquadStatus(VersioningService service, IVersionStore store)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        _service = service;
        _store = store;
    }

    /// <summary>Compares the team under <paramref name="directory"/> (the repository root) with the store.</summary>
    /// <returns>One result per file: unchanged, changed, missing, new or invalid.</returns>
    /// <exception cref="RecordFileException">The directory does not exist.</exception>
    public async Task<DirectoryReport> CompareAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new RecordFileException($"no such directory: {directory}");
        }

        var expected = await new SquadExporter(_service, _store, compareOnly: true).ExportAsync(directory, cancellationToken: cancellationToken).ConfigureAwait(false);
        var known = expected.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var results = expected.Files.ToList();
        foreach (var folder in SquadLayout.FolderNames)
        {
            foreach (var path in TeamFiles(directory, folder).Where(p => !known.Contains(p)))
            {
                results.Add(new FileResult(path, FileStatus.New));
            }
        }

        return DirectoryReport.Of(results);
    }

    /// <summary>How one file the export would write compares with the file on disk.</summary>
    internal static async Task<FileResult> CompareAsync(ContainedDirectory root, string path, Snapshot source, byte[] bytes, CancellationToken cancellationToken)
    {
        var full = root.Resolve(path);
        if (!File.Exists(full))
        {
            return new FileResult(path, FileStatus.Missing, source.Key, source.Version, source.Hash);
        }

        var onDisk = await DirectoryScanner.ReadAsync(root, new ScannedFile(path, null, null), cancellationToken).ConfigureAwait(false);
        return onDisk.AsSpan().SequenceEqual(bytes)
            ? new FileResult(path, FileStatus.Unchanged, source.Key, source.Version, source.Hash)
            : new FileResult(path, FileStatus.Changed, source.Key, source.Version, source.Hash, $"differs from {source.Ref}");
    }

    // The charters and inbox files a team folder holds, as paths from the directory.
    private static IEnumerable<string> TeamFiles(string directory, string folder)
    {
        var agents = Path.Combine(directory, folder, "agents");
        var inbox = Path.Combine(directory, folder, "decisions", "inbox");
        var charters = Directory.Exists(agents)
            ? Directory.EnumerateDirectories(agents).Concat(Directory.Exists(Path.Combine(agents, "_alumni")) ? Directory.EnumerateDirectories(Path.Combine(agents, "_alumni")) : [])
                .Select(d => Path.Combine(d, "charter.md")).Where(File.Exists)
            : [];
        var inboxFiles = Directory.Exists(inbox) ? Directory.EnumerateFiles(inbox, "*.md") : [];
        return charters.Concat(inboxFiles)
            .Select(p => Path.GetRelativePath(directory, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal);
    }
}
