using Verso.Errors;
using Verso.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Directories;

/// <summary>
/// Reads an exported directory back into the store: each record file becomes a new version of its entity
/// (operation <c>import</c>) only when its content hash differs from the head's. A file that cannot be read,
/// named or validated is reported invalid and skipped; the others are still imported.
/// </summary>
public sealed class DirectoryImporter
{
    private readonly VersioningService _service;

    /// <summary>Creates the importer over <paramref name="service"/>'s store and kinds.</summary>
    public DirectoryImporter(VersioningService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
    }

    /// <summary>The record files <paramref name="directory"/> holds, of <paramref name="kind"/> only when given: the total for a progress bar.</summary>
    /// <exception cref="Errors.RecordFileException">The directory does not exist.</exception>
    public static int CountFiles(string directory, string? kind = null) => DirectoryScanner.Scan(Path.GetFullPath(directory), kind).Length;

    /// <summary>Imports every record file of <paramref name="directory"/>.</summary>
    /// <param name="directory">An exported directory.</param>
    /// <param name="options">Who imports and why; the operation is always <see cref="VersionOperation.Import"/>.</param>
    /// <param name="kind">Only this kind's folder, when given.</param>
    /// <param name="progress">Told the number of files done after each one.</param>
    /// <param name="cancellationToken">Stops the import between files; versions already saved stay.</param>
    /// <returns>One result per file: created, updated, unchanged or invalid.</returns>
    /// <exception cref="Errors.RecordFileException">The directory does not exist.</exception>
    /// <exception cref="InvalidNameException">The kind is not a kind name.</exception>
    public async Task<DirectoryReport> ImportAsync(
        string directory, SaveOptions options, string? kind = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(options);
        if (kind is not null)
        {
            Naming.EntityKey.ValidateKind(kind);
        }

        var root = new ContainedDirectory(directory);
        var files = DirectoryScanner.Scan(root.Root, kind);
        var saveOptions = options with { Operation = VersionOperation.Import };
        var results = new List<FileResult>(files.Length);
        foreach (var file in files)
        {
            results.Add(await ImportAsync(root, file, saveOptions, cancellationToken).ConfigureAwait(false));
            progress?.Report(results.Count);
        }

        return DirectoryReport.Of(results);
    }

    private async Task<FileResult> ImportAsync(ContainedDirectory root, ScannedFile file, SaveOptions options, CancellationToken cancellationToken)
    {
        if (file.Record is not { } record)
        {
            return new FileResult(file.RelativePath, FileStatus.Invalid, Detail: file.Problem);
        }

        try
        {
            var bytes = await DirectoryScanner.ReadAsync(root, file, cancellationToken).ConfigureAwait(false);
            var content = RecordFormat.Read(_service, record, bytes);
            var result = await _service.SaveAsync(record.Key, content, options, cancellationToken).ConfigureAwait(false);
            var status = result.Outcome == AppendOutcome.Unchanged ? FileStatus.Unchanged
                : result.Head.Version == 1 ? FileStatus.Created
                : FileStatus.Updated;
            return new FileResult(file.RelativePath, status, record.Key, result.Head.Version, result.Head.Hash);
        }
        catch (Exception exception) when (exception is VersoException { Category: ErrorCategory.BadInput } or IOException or UnauthorizedAccessException)
        {
            return new FileResult(file.RelativePath, FileStatus.Invalid, record.Key, Detail: Describe(exception));
        }
    }

    /// <summary>One line for a file's problem; a record's problems joined, each with its JSON path.</summary>
    internal static string Describe(Exception exception) => exception is InvalidRecordException invalid
        ? string.Join("; ", invalid.Problems.Select(p => $"{(p.Path.Length == 0 ? "/" : p.Path)}: {p.Message}"))
        : exception.Message;
}
