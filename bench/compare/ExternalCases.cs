using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Verso.Compare;

// What Verso is compared with outside .NET: the seed platform's design in Python, and git.
internal static partial class ExternalCases
{
    /// <summary>The Python design's saves per second (changed or unchanged), run as it is.</summary>
    public static async Task<double> AnchorSavesPerSecondAsync(string script, int saves, string synchronous, bool changed)
    {
        var output = await RunAsync("python3", [script, saves.ToString(CultureInfo.InvariantCulture), synchronous], null);
        var match = AnchorLine().Match(output);
        if (!match.Success || !output.Contains($"synchronous={synchronous}", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the anchor printed no figures: {output}");
        }

        return double.Parse(match.Groups[changed ? 1 : 2].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>Whether python3 can run the anchor (it needs pydantic).</summary>
    public static async Task<bool> AnchorRunsAsync()
    {
        try
        {
            await RunAsync("python3", ["-c", "import pydantic"], null);
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>Seconds for <c>git fast-import</c> to record <paramref name="contents"/> as one file's history, a commit each.</summary>
    public static async Task<double> GitFastImportSecondsAsync(Scratch directory, IReadOnlyList<byte[]> contents, string path = "charter.md")
    {
        var repository = directory.File("repo.git");
        await RunAsync("git", ["init", "-q", "--bare", "--initial-branch=main", repository], null);
        var stream = FastImportStream(contents, path);
        var clock = Stopwatch.StartNew();
        await RunAsync("git", ["-C", repository, "fast-import", "--quiet"], stream);
        var seconds = clock.Elapsed.TotalSeconds;
        var count = (await RunAsync("git", ["-C", repository, "rev-list", "--count", "main"], null)).Trim();
        if (count != contents.Count.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"git fast-import made {count} commits, not {contents.Count}");
        }

        return seconds;
    }

    /// <summary>The bytes of the repository's packs after <c>git gc</c>.</summary>
    public static async Task<long> GitPackBytesAsync(Scratch directory)
    {
        var repository = directory.File("repo.git");
        await RunAsync("git", ["-C", repository, "gc", "--quiet"], null);
        // The pair compares the pack alone, as the issue measured it; git's lookup index (.idx: an object's offset
        // by its id, what Verso's hash and primary-key indexes do) is reported beside it.
        var index = Directory.GetFiles(Path.Combine(repository, "objects", "pack"), "*.idx").Sum(file => new FileInfo(file).Length);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  repo.git: pack index (.idx) {index:N0} B beside the pack"));
        return Directory.GetFiles(Path.Combine(repository, "objects", "pack"), "*.pack").Sum(file => new FileInfo(file).Length);
    }

    private static byte[] FastImportStream(IReadOnlyList<byte[]> contents, string path)
    {
        using var stream = new MemoryStream();
        for (var n = 0; n < contents.Count; n++)
        {
            var header = string.Create(
                CultureInfo.InvariantCulture,
                $"commit refs/heads/main\ncommitter bench <bench@example.com> {1_780_000_000 + n} +0000\ndata 0\nM 100644 inline {path}\ndata {contents[n].Length}\n");
            stream.Write(Encoding.UTF8.GetBytes(header));
            stream.Write(contents[n]);
            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }

    /// <summary>The bytes of each table and index of a SQLite file, or why they could not be counted.</summary>
    public static async Task<string> PagesByTableAsync(string path)
    {
        try
        {
            var lines = await RunAsync("sqlite3", [path, "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC;"], null);
            return string.Join(", ", lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Replace('|', ' ')));
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "no sqlite3 shell to count pages by table";
        }
    }

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> args, byte[]? input)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(input);
            process.StandardInput.Close();
        }

        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await error}");
        }

        return await output;
    }

    [GeneratedRegex(@"changed (\d+) saves/s, unchanged (\d+) saves/s")]
    private static partial Regex AnchorLine();
}
