namespace Verso.Files.Git;

/// <summary>Reads git's octal file modes.</summary>
internal static class GitFileMode
{
    /// <summary>
    /// Whether the mode is a regular file (100644, 100755, and the 100664 old repositories hold), as opposed to
    /// a symbolic link (120000), a submodule (160000), a tree, or no file at all (000000).
    /// </summary>
    public static bool IsRegularFile(string mode) => mode.Length == 6 && mode.StartsWith("100", StringComparison.Ordinal);
}
