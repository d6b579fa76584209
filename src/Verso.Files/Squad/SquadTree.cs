using Verso.Files.Directories;

namespace Verso.Files.Squad;

/// <summary>The files of a Squad team folder an import reads, found without following a symbolic link.</summary>
internal sealed class SquadTree(string folder)
{
    private readonly ContainedDirectory _root = new(folder);

    /// <summary>The folder's name: <c>.squad</c> or <c>.ai-team</c>.</summary>
    public string Name { get; } = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>Each <c>agents/&lt;name&gt;/charter.md</c> (name, path in the folder), by name; folders without a charter are not agents.</summary>
    public IEnumerable<(string Name, string Path)> Charters() =>
        Entries("agents", directories: true)
            .Where(name => !name.StartsWith('.') && File.Exists(Path.Combine(_root.Root, "agents", name, "charter.md")))
            .Select(name => (name, $"agents/{name}/charter.md"));

    /// <summary>Each <c>decisions/inbox/*.md</c> (file name, path in the folder), by name.</summary>
    public IEnumerable<(string File, string Path)> InboxFiles() =>
        Entries("decisions/inbox", directories: false)
            .Where(name => name.EndsWith(".md", StringComparison.Ordinal) && !name.StartsWith('.'))
            .Select(name => (name, $"decisions/inbox/{name}"));

    /// <summary>Whether the folder holds a file at <paramref name="relative"/>.</summary>
    public bool Exists(string relative) => File.Exists(Path.Combine(_root.Root, relative)) || ContainedDirectory.IsLink(Path.Combine(_root.Root, relative));

    /// <summary>The bytes of the file at <paramref name="relative"/>.</summary>
    /// <exception cref="Errors.RecordFileException">The path passes through a symbolic link or the file is too large.</exception>
    public Task<byte[]> ReadAsync(string relative, CancellationToken cancellationToken) =>
        DirectoryScanner.ReadAsync(_root, new ScannedFile(relative, null, null), cancellationToken);

    private IEnumerable<string> Entries(string relative, bool directories)
    {
        var path = Path.Combine(_root.Root, relative);
        if (!Directory.Exists(path) || ContainedDirectory.IsLink(path))
        {
            return [];
        }

        var entries = directories ? Directory.EnumerateDirectories(path) : Directory.EnumerateFiles(path);
        return entries.Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal);
    }
}
