using System.Diagnostics;
using System.Text;

namespace Verso.Cli.Tests.Support;

/// <summary>Runs <c>verso</c> as a separate operating-system process, as users and scripts do.</summary>
public static class VersoProcess
{
    // The CLI project is referenced by this test project, so its build output sits beside the tests.
    private static readonly string VersoDll = Path.Combine(AppContext.BaseDirectory, "verso.dll");

    public static Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunWrappedAsync([], workingDirectory, environment, args);

    /// <summary>
    /// Runs <c>verso</c> under a wrapper command, e.g. <c>setpriv …</c> to drop privileges or <c>bash -c 'ulimit -f …'</c>
    /// to limit file sizes; the wrapper gets <c>dotnet verso.dll ARGS…</c> appended.
    /// </summary>
    public static async Task<CliResult> RunWrappedAsync(string[] wrapper, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var start = new ProcessStartInfo(wrapper.Length > 0 ? wrapper[0] : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var part in wrapper.Skip(1))
        {
            start.ArgumentList.Add(part);
        }

        if (wrapper.Length > 0)
        {
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(VersoDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("VERSO_STORE");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await copy;
        return new CliResult(process.ExitCode, stdout.ToArray(), await stderr);
    }
}
