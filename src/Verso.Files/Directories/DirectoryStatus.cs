using Verso.Errors;
using Verso.Naming;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Directories;

/// <summary>
/// Compares an exported directory with the store's heads without writing anything: each record file is
/// unchanged (same content hash as the head), changed, or new (no such entity), and each head without a
/// file is missing. The hash decides, so a file reformatted by hand but holding the same record is unchanged.
/// </summary>
public sealed class DirectoryStatus
{
    private readonly VersioningService _service;
    private readonly IVersionStore _store;

    /// <summary>Creates the comparison over <paramref name="service"/>'s kinds and the heads of <paramref name="store"/>, the store it serves.</summary>
    public DirectoryStatus(VersioningService service, IVersionStore store)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        _service = service;
        _store = store;
    }

    /// <summary>Compares <paramref name="directory"/> with the heads, of <paramref name="kind"/> only when given.</summary>
    /// <returns>One result per file and per missing head: unchanged, changed, new, missing or invalid.</returns>
    /// <exception cref="Errors.RecordFileException">The directory does not exist.</exception>
    /// <exception cref="InvalidNameException">The kind is not a kind name.</exception>
    public async Task<DirectoryReport> CompareAsync(string directory, string? kind = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var heads = await DirectoryExporter.HeadsAsync(_store, kind, cancellationToken).ConfigureAwait(false);
        var root = new ContainedDirectory(directory);
        var results = new List<FileResult>();
        var seen = new HashSet<EntityKey>();
        foreach (var file in DirectoryScanner.Scan(root.Root, kind))
        {
            if (file.Record is { } record)
            {
                seen.Add(record.Key);
            }

            results.Add(await CompareAsync(root, file, cancellationToken).ConfigureAwait(false));
        }

        foreach (var head in heads.Where(h => !seen.Contains(h.Key)))
        {
            var snapshot = await _store.GetLatestAsync(head.Key, cancellationToken).ConfigureAwait(false);
            if (snapshot is not null && DirectoryExporter.IsPresent(snapshot))
            {
                results.Add(new FileResult(ExpectedPath(head.Key), FileStatus.Missing, head.Key, snapshot.Version, snapshot.Hash));
            }
        }

        return DirectoryReport.Of(results);
    }

    private async Task<FileResult> CompareAsync(ContainedDirectory root, ScannedFile file, CancellationToken cancellationToken)
    {
        if (file.Record is not { } record)
        {
            return new FileResult(file.RelativePath, FileStatus.Invalid, Detail: file.Problem);
        }

        try
        {
            var bytes = await DirectoryScanner.ReadAsync(root, file, cancellationToken).ConfigureAwait(false);
            var content = RecordFormat.Read(_service, record, bytes);
            var head = await _store.GetLatestAsync(record.Key, cancellationToken).ConfigureAwait(false);
            if (head is null || !DirectoryExporter.IsPresent(head))
            {
                return new FileResult(file.RelativePath, FileStatus.New, record.Key, Hash: content.Hash);
            }

            return head.Hash == content.Hash
                ? new FileResult(file.RelativePath, FileStatus.Unchanged, record.Key, head.Version, content.Hash)
                : new FileResult(file.RelativePath, FileStatus.Changed, record.Key, head.Version, content.Hash, $"the store has {head.Ref} {head.Hash}");
        }
        catch (Exception exception) when (exception is VersoException { Category: ErrorCategory.BadInput } or IOException or UnauthorizedAccessException)
        {
            return new FileResult(file.RelativePath, FileStatus.Invalid, record.Key, Detail: DirectoryImporter.Describe(exception));
        }
    }

    private static string ExpectedPath(EntityKey key)
    {
        try
        {
            return RecordPath.For(key).RelativePath;
        }
        catch (VersoException)
        {
            return $"{key.Kind}/{key.Id}";
        }
    }
}
