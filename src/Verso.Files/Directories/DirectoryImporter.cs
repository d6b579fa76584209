using Verso.Errors;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Directories;

/// <summary>
/// Reads an exported directory back into the store: each record file becomes a new version of its entity
/// (operation <c>import</c>) only when its content hash differs from the head's. All or nothing: a file that
/// cannot be read, named or validated is reported invalid, and then no file is saved (the others are reported
/// skipped), so fixing it and importing again gives the whole directory. Files of internal kinds (change
/// requests, checks, a host's <c>verso-…</c> records) are skipped: they pin version numbers of the store they
/// were made in, which an import renumbers, and export leaves them out.
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
    /// <param name="cancellationToken">Stops the import; the files are saved in one transaction, so then none is.</param>
    /// <returns>One result per file: created, updated, unchanged, or invalid and skipped (then nothing was saved).</returns>
    /// <exception cref="Errors.RecordFileException">The directory does not exist.</exception>
    /// <exception cref="Errors.ImportRefusedException">The store refused the batch; nothing was saved.</exception>
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
        var results = new FileResult?[files.Length];
        var saves = new List<(int Index, ScannedFile File, BatchSave Save)>(files.Length);
        for (var i = 0; i < files.Length; i++)
        {
            if (files[i].Record is { } internalRecord && Model.Kinds.InternalKinds.IsInternal(internalRecord.Key.Kind))
            {
                results[i] = new FileResult(files[i].RelativePath, FileStatus.Skipped, internalRecord.Key,
                    Detail: $"an internal record ({internalRecord.Key.Kind}) belongs to the store it was made in and is not imported");
                progress?.Report(i + 1);
                continue;
            }

            var (save, problem) = await ReadAsync(root, files[i], saveOptions, cancellationToken).ConfigureAwait(false);
            if (save is not null)
            {
                saves.Add((i, files[i], save));
            }
            else
            {
                results[i] = problem;
            }

            progress?.Report(i + 1);
        }

        var invalid = results.Count(r => r?.Status == FileStatus.Invalid);
        if (invalid > 0)
        {
            // All or nothing: a directory imports whole or not at all, so no half of an organization lands.
            foreach (var (index, file, save) in saves)
            {
                results[index] = new FileResult(file.RelativePath, FileStatus.Skipped, save.Key, Detail: $"not imported: {invalid} file(s) invalid");
            }

            return DirectoryReport.Of([.. results.Select(r => r!)]);
        }

        try
        {
            var batch = await _service.SaveBatchAsync([.. saves.Select(s => s.Save)], cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < saves.Count; i++)
            {
                results[saves[i].Index] = ResultOf(saves[i].File, batch[i]);
            }
        }
        catch (VersoException exception)
        {
            // One transaction: the store wrote none of the batch.
            foreach (var (index, file, save) in saves)
            {
                results[index] = new FileResult(file.RelativePath, FileStatus.Skipped, save.Key, Detail: "not imported");
            }

            throw new Errors.ImportRefusedException(DirectoryReport.Of([.. results.Select(r => r!)]), exception);
        }

        return DirectoryReport.Of([.. results.Select(r => r!)]);
    }

    // The record of one file as canonical content, or why it is invalid.
    private async Task<(BatchSave? Save, FileResult? Problem)> ReadAsync(ContainedDirectory root, ScannedFile file, SaveOptions options, CancellationToken cancellationToken)
    {
        if (file.Record is not { } record)
        {
            return (null, new FileResult(file.RelativePath, FileStatus.Invalid, Detail: file.Problem));
        }

        try
        {
            var bytes = await DirectoryScanner.ReadAsync(root, file, cancellationToken).ConfigureAwait(false);
            return (new BatchSave(record.Key, RecordFormat.Read(_service, record, bytes), options), null);
        }
        catch (Exception exception) when (exception is VersoException { Category: ErrorCategory.BadInput } or IOException or UnauthorizedAccessException)
        {
            return (null, new FileResult(file.RelativePath, FileStatus.Invalid, record.Key, Detail: Describe(exception)));
        }
    }

    private static FileResult ResultOf(ScannedFile file, AppendResult result)
    {
        var status = result.Outcome == AppendOutcome.Unchanged ? FileStatus.Unchanged
            : result.Head.Version == 1 ? FileStatus.Created
            : FileStatus.Updated;
        return new FileResult(file.RelativePath, status, result.Head.Key, result.Head.Version, result.Head.Hash);
    }

    /// <summary>One line for a file's problem; a record's problems joined, each with its JSON path.</summary>
    internal static string Describe(Exception exception) => exception is InvalidRecordException invalid
        ? string.Join("; ", invalid.Problems.Select(p => $"{(p.Path.Length == 0 ? "/" : p.Path)}: {p.Message}"))
        : exception.Message;
}
