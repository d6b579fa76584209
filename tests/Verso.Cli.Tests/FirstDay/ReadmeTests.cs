using System.Diagnostics;
using System.Globalization;
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

    [Fact]
    public async Task TheServeAndCurlSessionsRunAsWrittenInOneShellFromAnEmptyDirectory()
    {
        var repository = Repository.Root();
        var readme = File.ReadAllText(Path.Combine(repository, "README.md"));
        var work = Directory.CreateDirectory(_temp.File("served")).FullName;
        var bin = Directory.CreateDirectory(_temp.File("bin")).FullName;
        File.Copy(Path.Combine(repository, "samples", "agent-alice.json"), Path.Combine(work, "alice.json"));
        File.Copy(Path.Combine(repository, "samples", "agent-alice-v2.json"), Path.Combine(work, "alice-new.json"));
        WriteVersoOnPath(bin);

        // The blocks as one script, each command after a marker line so its output can be told apart. The one
        // change to README's text: a free port for 5180, which another server on this machine may hold.
        var commands = Commands(readme, "<!-- serve-session -->").Concat(Commands(readme, "<!-- curl-session -->")).ToList();
        var port = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var script = new StringBuilder("set -e\n");
        // Should a line fail, set -e ends the script before README's own `kill $!`: the server is stopped all the same.
        script.Append("trap 'kill $! 2>/dev/null || true' EXIT\n");
        for (var i = 0; i < commands.Count; i++)
        {
            script.Append(CultureInfo.InvariantCulture, $"echo '@@@ {i}'\n").Append(commands[i].Replace("5180", port, StringComparison.Ordinal)).Append('\n');
        }

        // The server, stopped by README's `kill $!`, has drained and exited before the script ends.
        script.Append("wait $! || true\n");
        var result = await ShAsync(work, bin, script.ToString());
        Assert.True(result.ExitCode == 0, $"{script}\n{result}");

        var outputs = result.Stdout.Split("@@@ ").Skip(1).ToDictionary(o => int.Parse(o[..o.IndexOf('\n', StringComparison.Ordinal)], CultureInfo.InvariantCulture), o => o);
        string Of(string part) => outputs[commands.FindIndex(c => c.Contains(part, StringComparison.Ordinal))];
        Assert.Equal(10, commands.Count);
        Assert.Contains("\"status\":\"ready\"", Of("curl -s --retry"), StringComparison.Ordinal);
        Assert.Contains("\"version\":1", Of("@alice.json"), StringComparison.Ordinal);
        Assert.Contains("\"version\":2", Of("@alice-new.json"), StringComparison.Ordinal);
        Assert.Contains("HTTP/1.1 304 Not Modified", Of("curl -s -i"), StringComparison.Ordinal);
        Assert.Contains("\"version\":3", Of("curl -s -X POST"), StringComparison.Ordinal);
        Assert.Contains($"http://127.0.0.1:{port}", result.Stdout, StringComparison.Ordinal);

        // The store holds what the curl lines did, saved by the token README made.
        var log = await ShAsync(work, bin, "verso --json log agent/alice");
        var versions = System.Text.Json.JsonDocument.Parse(log.Stdout).RootElement.EnumerateArray()
            .Select(v => (v.GetProperty("saved_by").GetString(), v.GetProperty("operation").GetString())).ToList();
        Assert.Equal([("ci", "rollback"), ("ci", "save"), ("ci", "save")], versions);
    }

    // The commands of the ```sh block after marker, as written: a line ending in \ or | continues on the next.
    private static List<string> Commands(string readme, string marker)
    {
        var start = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"README has no {marker} block");
        var block = readme[start..];
        block = block[(block.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        var commands = new List<string>();
        var continues = false;
        foreach (var line in block.Split('\n').Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#')))
        {
            if (continues)
            {
                commands[^1] += "\n" + line;
            }
            else
            {
                commands.Add(line);
            }

            var code = line.Split(" #")[0].TrimEnd();
            continues = code.EndsWith('\\') || code.EndsWith('|');
        }

        return commands;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
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
