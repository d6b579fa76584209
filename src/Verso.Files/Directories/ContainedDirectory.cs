using Verso.Files.Errors;

namespace Verso.Files.Directories;

/// <summary>
/// A directory that is written only inside itself: every path is checked segment by segment (no empty,
/// <c>.</c> or <c>..</c> segment, no separator, no control character), and no directory on the way, nor
/// the file itself, may be a symbolic link, so whatever a name or the tree contains, nothing lands outside.
/// Files are replaced atomically (a temporary file, then a rename) and only when their bytes differ.
/// </summary>
internal sealed class ContainedDirectory
{
    public ContainedDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    /// <summary>The directory's full path.</summary>
    public string Root { get; }

    /// <summary>The full path of <paramref name="relativePath"/> (segments joined by '/'), after every check.</summary>
    /// <exception cref="RecordFileException">A segment is unsafe or the path would pass through a symbolic link.</exception>
    public string Resolve(string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        var path = Root;
        foreach (var segment in relativePath.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or ".." || segment.Any(c => c is '\\' or '/' || char.IsControl(c)))
            {
                throw new RecordFileException($"'{relativePath}' is not a path inside the directory");
            }

            path = Path.Combine(path, segment);
            if (IsLink(path))
            {
                throw new RecordFileException($"'{relativePath}' passes through a symbolic link; nothing is written or read through one");
            }
        }

        var full = Path.GetFullPath(path);
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new RecordFileException($"'{relativePath}' would leave the directory");
        }

        return full;
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="relativePath"/> unless the file already holds them.</summary>
    /// <returns>Whether the file was written.</returns>
    /// <exception cref="RecordFileException">The path is unsafe.</exception>
    public async Task<bool> WriteAsync(string relativePath, byte[] bytes, CancellationToken cancellationToken)
    {
        var path = Resolve(relativePath);
        if (File.Exists(path) && new FileInfo(path).Length == bytes.Length
            && (await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(bytes))
        {
            return false;
        }

        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // Resolve again: creating the folders must not have let a link in (a racing writer is out of scope).
        Resolve(relativePath);
        var temporary = Path.Combine(folder, $".verso-{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }

        return true;
    }

    /// <summary>Whether <paramref name="path"/> exists and is a symbolic link (or another reparse point).</summary>
    public static bool IsLink(string path)
    {
        // LinkTarget also sees a dangling link; the attribute also sees a Windows junction.
        var info = new FileInfo(path);
        return info.LinkTarget is not null || ((info.Exists || Directory.Exists(path)) && info.Attributes.HasFlag(FileAttributes.ReparsePoint));
    }
}
