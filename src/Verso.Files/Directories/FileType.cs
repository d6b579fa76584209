using System.Runtime.InteropServices;

namespace Verso.Files.Directories;

// Whether a path is a regular file, without opening it: opening a FIFO blocks until a writer comes,
// and a device may never end. .NET's FileInfo reports both as "Normal", so the mode is asked of the
// runtime's own native shim (the lstat .NET itself uses), whose status struct begins with flags and mode.
internal static partial class FileType
{
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    public static bool IsRegularFile(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return File.Exists(path);
        }

        try
        {
            return LStat(path, out var status) == 0 ? (status.Mode & TypeMask) == Regular : File.Exists(path);
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            // A runtime without the shim: fall back to what FileInfo can tell.
            return File.Exists(path);
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int LStat(string path, out Status status);

    // Only the first two fields are read; the rest of the native struct (times, sizes, ids) fits in the padding.
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct Status
    {
        public int Flags;
        public int Mode;
    }
}
