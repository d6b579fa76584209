using System.Diagnostics;
using System.Text;
using Verso.Cli.Tests.Support;
using Verso.Testing.Support;

namespace Verso.Cli.Tests.FirstDay;

/// <summary>
/// Issue 28, case 14: samples/tour.sh runs on a system without GNU tools. It runs under <c>busybox sh</c>
/// with busybox's own sed, date, tr and mktemp first on the PATH (plain <c>sh</c> when busybox is missing), and
/// either way behind shims that refuse the GNU-only flags it used to need (<c>sed -i</c>, <c>date +%N</c>).
/// </summary>
public sealed class TourTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TheTourRunsUnderAPosixShellWithoutGnuToolsAndPinsTheDecisionToTheCharterInForce()
    {
        var tools = Directory.CreateDirectory(_temp.File("tools")).FullName;
        var busybox = OnPath("busybox");
        foreach (var tool in new[] { "sed", "date", "tr", "mktemp" })
        {
            // busybox's applet when there is one, else the system's tool; the shim refuses GNU-only usage first.
            var real = busybox is null ? OnPath(tool)! : busybox;
            var call = busybox is null ? $"\"{real}\"" : $"\"{real}\" {tool}";
            File.WriteAllText(Path.Combine(tools, tool), $$"""
                #!/bin/sh
                for a in "$@"; do
                    case "{{tool}}:$a" in
                        sed:-i*|sed:--in-place*|date:*%N*|date:-d|date:--date*) echo "{{tool}}: GNU-only usage refused: $a" >&2; exit 64 ;;
                    esac
                done
                exec {{call}} "$@"
                """.Replace("\r", "", StringComparison.Ordinal));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(tools, tool), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        var tour = Path.Combine(Repository.Root(), "samples", "tour.sh");
        var (program, args) = busybox is null ? ("sh", new[] { tour }) : (busybox, new[] { "sh", tour });
        var result = await RunAsync(program, args, tools);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("$ verso policies agent/alice", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("GNU-only usage refused", result.Stderr, StringComparison.Ordinal);
        // The decision pins alice@3, the charter in force when the task ran.
        Assert.Contains("decision/T-1@1", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("$ verso show agent/alice --format json > alice-proposal.json", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("applied cr-1 as agent/alice@6", result.Stdout, StringComparison.Ordinal);
    }

    private static string? OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);

    private async Task<CliResult> RunAsync(string program, string[] args, string tools)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = _temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = tools + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        // The build beside the tests, or the executable under test (VERSO_EXECUTABLE, passed on as it is).
        start.Environment["VERSO_DLL"] = Path.Combine(AppContext.BaseDirectory, "verso.dll");
        if (VersoExecutable.Override is { } executable)
        {
            start.Environment[VersoExecutable.Variable] = executable;
        }

        start.Environment.Remove("VERSO_STORE");
        start.Environment.Remove("VERSO_USER");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, Encoding.UTF8.GetBytes(await stdout), await stderr);
    }
}
