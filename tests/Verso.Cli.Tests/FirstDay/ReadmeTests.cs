using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Verso.Cli.Tests.Support;
using Verso.Testing.Support;

namespace Verso.Cli.Tests.FirstDay;

/// <summary>
/// Issue 28, case 14: README's sessions, run line by line as written, by <c>sh</c>, from an empty directory
/// holding only the two files README says to copy there. A line whose comment says "exit N" must exit N.
/// </summary>
public sealed partial class ReadmeTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TheFirstSessionAndTheReviewSessionRunAsWrittenFromAnEmptyDirectory()
    {
        var repository = Repository.Root();
        var readme = File.ReadAllText(Path.Combine(repository, "README.md"));
        var work = Directory.CreateDirectory(_temp.File("my-org")).FullName;
        var bin = Directory.CreateDirectory(_temp.File("bin")).FullName;
        // README's "cp samples/agent-alice.json alice.json" and "cp samples/agent-alice-v2.json alice-new.json".
        Assert.Contains("cp samples/agent-alice.json alice.json", readme, StringComparison.Ordinal);
        Assert.Contains("cp samples/agent-alice-v2.json alice-new.json", readme, StringComparison.Ordinal);
        File.Copy(Path.Combine(repository, "samples", "agent-alice.json"), Path.Combine(work, "alice.json"));
        File.Copy(Path.Combine(repository, "samples", "agent-alice-v2.json"), Path.Combine(work, "alice-new.json"));
        WriteVersoOnPath(bin);

        var lines = Block(readme, "<!-- first-session -->").Concat(Block(readme, "<!-- review-session -->")).ToList();
        Assert.True(lines.Count >= 14, $"README's sessions have {lines.Count} command lines");
        foreach (var line in lines)
        {
            var command = line.Split(" #")[0].Trim();
            var expected = ExitComment().Match(line) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            var result = await ShAsync(work, bin, command);
            Assert.True(result.ExitCode == expected, $"README: {line}\nexpected exit {expected}\n{result}");
        }

        var log = await ShAsync(work, bin, "verso log agent/alice");
        Assert.Contains("apply", log.Stdout, StringComparison.Ordinal);
        var tags = await ShAsync(work, bin, "verso tags agent/alice");
        Assert.Contains("production", tags.Stdout, StringComparison.Ordinal);
    }

    // The command lines of the ```sh block after marker.
    private static IEnumerable<string> Block(string readme, string marker)
    {
        var start = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no {marker} block");
        var block = readme[start..];
        block = block[(block.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        return block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
    }

    // `verso` as a user has it: the installed tool is the same program as the build beside the tests.
    private static void WriteVersoOnPath(string bin)
    {
        var (program, prefix) = VersoExecutable.Command;
        var quoted = string.Join(' ', new[] { program }.Concat(prefix).Select(a => $"'{a}'"));
        var path = Path.Combine(bin, "verso");
        File.WriteAllText(path, $"#!/bin/sh\nexec {quoted} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static async Task<CliResult> ShAsync(string directory, string bin, string command)
    {
        var start = new ProcessStartInfo("sh", ["-c", command])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment.Remove("VERSO_STORE");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, Encoding.UTF8.GetBytes(await stdout), await stderr);
    }

    [GeneratedRegex(@"#\s*exit (\d+)")]
    private static partial Regex ExitComment();
}
