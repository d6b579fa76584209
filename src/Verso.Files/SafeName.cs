namespace Verso.Files;

/// <summary>Which names may become one segment of a path Verso writes, on every system a repository is checked out on.</summary>
public static class SafeName
{
    private static readonly HashSet<string> DeviceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>
    /// Whether <paramref name="name"/> names a device on Windows (<c>CON</c>, <c>nul.txt</c>, <c>Com1.yaml</c>):
    /// a file of that name cannot be checked out there, and writing it would write to the device.
    /// </summary>
    public static bool IsWindowsDeviceName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        return DeviceNames.Contains((dot < 0 ? name : name[..dot]).TrimEnd(' '));
    }

    /// <summary>
    /// Whether <paramref name="name"/> can be one file or folder name: not empty, not <c>.</c> or <c>..</c>,
    /// no path separator or character Windows refuses (: * ? " &lt; &gt; |), no control character, not hidden (no leading dot), not a Windows device name,
    /// no trailing dot or space (Windows drops them), at most 255 UTF-8 bytes.
    /// </summary>
    public static bool IsSegment(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Length > 0
            && name[0] != '.'
            && name[^1] is not ('.' or ' ')
            && !name.Any(c => c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c))
            && System.Text.Encoding.UTF8.GetByteCount(name) <= 255
            && !IsWindowsDeviceName(name);
    }
}
