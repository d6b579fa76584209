using Verso.Errors;
using Verso.Naming;
using Verso.Snapshots;
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

    /// <summary>Creates the exporter over <paramref name="service"/>'s store and kinds.</summary>
    public DirectoryExporter(VersioningService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        _service = service;
    }

    /// <summary>Exports every head, or those of <paramref name="kind"/>, into <paramref name="directory"/> (created when missing).</summary>
    /// <param name="directory">The directory to write into.</param>
    /// <param name="kind">Only this kind, when given; the manifest then lists only its files.</param>
    /// <param name="progress">Told the number of entities done after each one.</param>
    /// <param name="cancellationToken">Stops the export between files.</param>
    /// <returns>One result per file (the manifest not included).</returns>
    /// <exception cref="InvalidNameException">The kind is not a kind name.</exception>
    public async Task<DirectoryReport> ExportAsync(string directory, string? kind = null, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var heads = await HeadsAsync(_service.Store, kind, cancellationToken).ConfigureAwait(false);
        var root = new ContainedDirectory(directory);
        Directory.CreateDirectory(root.Root);
        var results = new List<FileResult>();
        // Files whose paths differ only by case would overwrite each other in a checkout on macOS or
        // Windows: the first in ordinal order is written, the others are reported.
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var done = 1; done <= heads.Count; done++)
        {
            if (await ExportAsync(root, heads[done - 1], claimed, cancellationToken).ConfigureAwait(false) is { } result)
            {
                results.Add(result);
            }

            progress?.Report(done);
        }

        var report = DirectoryReport.Of(results);
        await root.WriteAsync(ExportManifest.FileName, ExportManifest.Write(report.Files), cancellationToken).ConfigureAwait(false);
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
            // A host's own records (the server's tokens) are never published as files.
            if (!Kinds.ReservedKinds.IsReserved(head.Key.Kind))
            {
                heads.Add(head);
            }
        }

        heads.Sort((a, b) => string.CompareOrdinal(a.Key.ToString(), b.Key.ToString()));
        return heads;
    }

    /// <summary>Whether a head stands for a file: not a record of a deletion.</summary>
    internal static bool IsPresent(Snapshot head) => head.Source is not { Deleted: true } && head.Operation != VersionOperation.Erase;

    private async Task<FileResult?> ExportAsync(ContainedDirectory root, EntityHead head, Dictionary<string, string> claimed, CancellationToken cancellationToken)
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

        var snapshot = await _service.Store.GetLatestAsync(head.Key, cancellationToken).ConfigureAwait(false);
        if (snapshot is null || !IsPresent(snapshot))
        {
            return null;
        }

        if (!claimed.TryAdd(path.RelativePath, path.RelativePath))
        {
            return new FileResult(path.RelativePath, FileStatus.Invalid, head.Key, snapshot.Version, snapshot.Hash,
                $"differs from {claimed[path.RelativePath]} only by case, so one would overwrite the other on macOS or Windows; rename one of the entities");
        }

        try
        {
            var bytes = RecordFormat.Write(_service.Kinds.Resolve(head.Key.Kind), path.Format, snapshot.Content);
            var written = await root.WriteAsync(path.RelativePath, bytes, cancellationToken).ConfigureAwait(false);
            return new FileResult(path.RelativePath, written ? FileStatus.Written : FileStatus.Unchanged, head.Key, snapshot.Version, snapshot.Hash);
        }
        catch (VersoException exception)
        {
            return new FileResult(path.RelativePath, FileStatus.Invalid, head.Key, snapshot.Version, snapshot.Hash, exception.Message);
        }
    }
}
