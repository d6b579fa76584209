using System.Collections.Immutable;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Files.Errors;
using Verso.Naming;

namespace Verso.Files.Directories;

/// <summary>
/// Finds the record files of an exported directory: <c>&lt;kind&gt;/&lt;id&gt;.yaml</c> and
/// <c>agent/&lt;id&gt;.md</c>. Hidden entries (<c>.git</c>, editor files) and the manifest are skipped;
/// everything else that is not a record file — a stray file, a nested folder, a symbolic link, a name
/// that is not a kind or an id, two files for one entity — is reported, one line each, never followed.
/// </summary>
internal static class DirectoryScanner
{
    /// <summary>The largest record file read; anything bigger is reported rather than loaded.</summary>
    public const long MaxFileBytes = RecordLimits.DefaultMaxBytes;

    private const string NotRegular = "not a regular file (a FIFO, socket or device); only regular files are read";

    /// <summary>The record files under <paramref name="root"/>, of <paramref name="kind"/> only when given, in path order.</summary>
    /// <exception cref="RecordFileException">The directory does not exist.</exception>
    public static ImmutableArray<ScannedFile> Scan(string root, string? kind)
    {
        if (!Directory.Exists(root))
        {
            throw new RecordFileException($"no such directory: {root}");
        }

        var found = new List<ScannedFile>();
        foreach (var entry in Entries(root))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') || name == ExportManifest.FileName || (kind is not null && name != kind))
            {
                continue;
            }

            if (ContainedDirectory.IsLink(entry))
            {
                found.Add(new ScannedFile(name, null, "a symbolic link; links are never followed"));
            }
            else if (!Directory.Exists(entry))
            {
                found.Add(new ScannedFile(name, null, "not in a kind folder: records live at KIND/ID.yaml"));
            }
            else if (!EntityKey.IsValidKind(name))
            {
                found.Add(new ScannedFile(name + "/", null, "the folder name is not a kind: use 1-64 of a-z 0-9 -, starting with a letter"));
            }
            else
            {
                found.AddRange(Entries(entry).Where(e => !Path.GetFileName(e).StartsWith('.')).Select(e => Record(name, e)));
            }
        }

        return [.. WithoutDuplicates(found).OrderBy(f => f.RelativePath, StringComparer.Ordinal)];
    }

    /// <summary>Reads a scanned file's bytes, checking again that no link has appeared on its path.</summary>
    /// <exception cref="RecordFileException">The path is unsafe or the file too large.</exception>
    public static async Task<byte[]> ReadAsync(ContainedDirectory root, ScannedFile file, CancellationToken cancellationToken)
    {
        var path = root.Resolve(file.RelativePath);
        if (!FileType.IsRegularFile(path))
        {
            throw new RecordFileException(NotRegular);
        }

        if (new FileInfo(path).Length > MaxFileBytes)
        {
            throw new RecordFileException($"larger than {MaxFileBytes / (1024 * 1024)} MiB; a record file is never that big");
        }

        // Bounded while reading too: a file that grows after the check is still cut off at the limit.
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.Asynchronous);
        try
        {
            return await RecordLimits.ReadAsync(stream, MaxFileBytes, file.RelativePath, cancellationToken).ConfigureAwait(false);
        }
        catch (LimitExceededException)
        {
            throw new RecordFileException($"larger than {MaxFileBytes / (1024 * 1024)} MiB; a record file is never that big");
        }
    }

    private static ScannedFile Record(string kind, string entry)
    {
        var relative = $"{kind}/{Path.GetFileName(entry)}";
        if (ContainedDirectory.IsLink(entry))
        {
            return new ScannedFile(relative, null, "a symbolic link; links are never followed");
        }

        if (Directory.Exists(entry))
        {
            return new ScannedFile(relative + "/", null, "a folder inside a kind folder; records sit directly in KIND/");
        }

        if (!FileType.IsRegularFile(entry))
        {
            return new ScannedFile(relative, null, NotRegular);
        }

        try
        {
            return new ScannedFile(relative, RecordPath.Parse(relative), null);
        }
        catch (VersoException exception)
        {
            return new ScannedFile(relative, null, exception.Message);
        }
    }

    // alice.md and alice.yaml would both be agent/alice: neither wins silently.
    private static IEnumerable<ScannedFile> WithoutDuplicates(List<ScannedFile> files)
    {
        var byKey = files.Where(f => f.Record is not null).GroupBy(f => f.Record!.Key).Where(g => g.Count() > 1)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(f => f.RelativePath)));
        return files.Select(f => f.Record is { } record && byKey.TryGetValue(record.Key, out var all)
            ? f with { Record = null, Problem = $"{record.Key} has more than one file ({all}); keep one" }
            : f);
    }

    private static IEnumerable<string> Entries(string directory) =>
        Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal);
}
