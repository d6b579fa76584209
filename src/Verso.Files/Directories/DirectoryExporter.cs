using Verso.Errors;
using Verso.Files.Errors;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Directories;

/// <summary>
/// Writes the store's heads as plain text: <c>&lt;dir&gt;/&lt;kind&gt;/&lt;id&gt;.yaml</c> (agents as
/// <c>.md</c>) and <c>verso-manifest.yaml</c>. The same heads always give the same bytes; a file that
/// already holds them is left untouched. Files in the directory that are not heads are left as they are
/// (<c>verso status</c> shows them as new): an export never deletes. A head whose name cannot be a
/// portable file is reported invalid and skipped. Heads that record a deleted file (imported from git) are
/// not written.
/// </summary>
public sealed class DirectoryExporter
{
    private readonly VersioningService _service;
    private readonly IVersionStore _store;

    /// <summary>Creates the exporter over <paramref name="service"/>'s kinds and the heads of <paramref name="store"/>, the store it serves.</summary>
    public DirectoryExporter(VersioningService service, IVersionStore store)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(store);
        _service = service;
        _store = store;
    }

    /// <summary>Exports every head, or those of <paramref name="kind"/>, into <paramref name="directory"/> (created when missing).</summary>
    /// <param name="directory">The directory to write into.</param>
    /// <param name="kind">Only this kind, when given; the manifest keeps the other kinds' files as the last export listed them.</param>
    /// <param name="force">Overwrite files edited since the last export instead of refusing.</param>
    /// <param name="progress">Told the number of entities done after each one.</param>
    /// <param name="cancellationToken">Stops the export between files.</param>
    /// <returns>One result per file (the manifest not included).</returns>
    /// <exception cref="InvalidNameException">The kind is not a kind name.</exception>
    /// <exception cref="HandEditsException">
    /// A file to overwrite holds a record other than the version the manifest says the last export wrote
    /// there (and other than the head): nothing is written, unless <paramref name="force"/>.
    /// </exception>
    public async Task<DirectoryReport> ExportAsync(
        string directory, string? kind = null, bool force = false, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var heads = await HeadsAsync(_store, kind, cancellationToken).ConfigureAwait(false);
        var root = new ContainedDirectory(directory);
        var previous = await ExportManifest.ReadAsync(root, cancellationToken).ConfigureAwait(false);
        var results = new List<FileResult>();
        var planned = new List<PlannedFile>();
        // Files whose paths differ only by case would overwrite each other in a checkout on macOS or
        // Windows: the first in ordinal order is written, the others are reported.
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var done = 1; done <= heads.Count; done++)
        {
            switch (await PlanAsync(root, heads[done - 1], claimed, previous, cancellationToken).ConfigureAwait(false))
            {
                case FileResult refused:
                    results.Add(refused);
                    break;
                case PlannedFile file:
                    planned.Add(file);
                    break;
            }

            progress?.Report(done);
        }

        // Every file is checked before any is written, so a refusal leaves the directory as it was.
        var edited = planned.Where(f => f.HandEdited).Select(f => f.Result.Path).ToList();
        if (edited.Count > 0 && !force)
        {
            throw new HandEditsException(edited);
        }

        Directory.CreateDirectory(root.Root);
        foreach (var file in planned)
        {
            results.Add(await WriteAsync(root, file, cancellationToken).ConfigureAwait(false));
        }

        var report = DirectoryReport.Of(results);
        var listed = kind is null ? report.Files : previous.Values.Where(f => f.Key!.Kind != kind).Concat(report.Files);
        await root.WriteAsync(ExportManifest.FileName, ExportManifest.Write(listed), cancellationToken).ConfigureAwait(false);
        return report;
    }

    /// <summary>The heads to export, of one kind or all, ordered by kind then id.</summary>
    internal static async Task<List<EntityHead>> HeadsAsync(IVersionStore store, string? kind, CancellationToken cancellationToken)
    {
        if (kind is not null)
        {
            EntityKey.ValidateKind(kind);
        }

        var heads = new List<EntityHead>();
        var listing = kind is null ? store.ListAllHeadsAsync(cancellationToken) : store.ListEntitiesAsync(kind, cancellationToken);
        await foreach (var head in listing.ConfigureAwait(false))
        {
            // A host's own records (the server's tokens) and review's bookkeeping (change requests, checks) are
            // never published as files: they pin version numbers of this store, which an import elsewhere renumbers.
            if (!Model.Kinds.InternalKinds.IsInternal(head.Key.Kind))
            {
                heads.Add(head);
            }
        }

        heads.Sort((a, b) => string.CompareOrdinal(a.Key.ToString(), b.Key.ToString()));
        return heads;
    }

    /// <summary>Whether a head stands for a file: not a record of a deletion.</summary>
    internal static bool IsPresent(Snapshot head) => head.Source is not { Deleted: true } && head.Operation != VersionOperation.Erase;

    // A refusal (FileResult), a file to write (PlannedFile), or nothing for a head that records a deletion.
    private async Task<object?> PlanAsync(
        ContainedDirectory root, EntityHead head, Dictionary<string, string> claimed, IReadOnlyDictionary<string, FileResult> previous, CancellationToken cancellationToken)
    {
        RecordPath path;
        try
        {
            path = RecordPath.For(head.Key);
        }
        catch (VersoException exception)
        {
            return new FileResult($"{head.Key.Kind}/{head.Key.Id}", FileStatus.Invalid, head.Key, head.Version, head.Hash, exception.Message);
        }

        var snapshot = await _store.GetLatestAsync(head.Key, cancellationToken).ConfigureAwait(false);
        if (snapshot is null || !IsPresent(snapshot))
        {
            return null;
        }

        if (!claimed.TryAdd(path.RelativePath, path.RelativePath))
        {
            return new FileResult(path.RelativePath, FileStatus.Invalid, head.Key, snapshot.Version, snapshot.Hash,
                $"differs from {claimed[path.RelativePath]} only by case, so one would overwrite the other on macOS or Windows; rename one of the entities");
        }

        var result = new FileResult(path.RelativePath, FileStatus.Written, head.Key, snapshot.Version, snapshot.Hash);
        try
        {
            var bytes = RecordFormat.Write(_service.Kinds.Resolve(head.Key.Kind), path.Format, snapshot.Content);
            var edited = await IsHandEditedAsync(root.Resolve(path.RelativePath), path, bytes, snapshot.Hash, previous.GetValueOrDefault(path.RelativePath), cancellationToken).ConfigureAwait(false);
            return new PlannedFile(result, bytes, edited);
        }
        catch (VersoException exception)
        {
            return result with { Status = FileStatus.Invalid, Detail = exception.Message };
        }
    }

    // A file may be replaced when it is missing, already holds the bytes, or holds the record the last
    // export wrote there or the head's record (only its formatting would change). Anything else — another
    // record, or text that is no record at all — is someone's edit.
    private async Task<bool> IsHandEditedAsync(string fullPath, RecordPath path, byte[] bytes, Documents.Hashing.ContentHash head, FileResult? written, CancellationToken cancellationToken)
    {
        if (!File.Exists(fullPath))
        {
            return false;
        }

        var existing = await File.ReadAllBytesAsync(fullPath, cancellationToken).ConfigureAwait(false);
        if (existing.AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        try
        {
            var hash = RecordFormat.Read(_service, path, existing).Hash;
            return hash != head && (written is null || hash != written.Hash);
        }
        catch (VersoException)
        {
            return true;
        }
    }

    private static async Task<FileResult> WriteAsync(ContainedDirectory root, PlannedFile file, CancellationToken cancellationToken)
    {
        try
        {
            var written = await root.WriteAsync(file.Result.Path, file.Bytes, cancellationToken).ConfigureAwait(false);
            return written ? file.Result : file.Result with { Status = FileStatus.Unchanged };
        }
        catch (VersoException exception)
        {
            return file.Result with { Status = FileStatus.Invalid, Detail = exception.Message };
        }
    }

    private sealed record PlannedFile(FileResult Result, byte[] Bytes, bool HandEdited);
}
