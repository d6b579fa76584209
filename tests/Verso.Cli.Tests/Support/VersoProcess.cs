using System.Diagnostics;
using System.Text;

namespace Verso.Cli.Tests.Support;

/// <summary>Runs <c>verso</c> as a separate operating-system process, as users and scripts do.</summary>
public static class VersoProcess
{
    public static Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunWrappedAsync([], workingDirectory, environment, args);

    /// <summary>Runs <c>verso</c> with <paramref name="stdin"/> as its standard input.</summary>
    public static Task<CliResult> RunWithInputAsync(string workingDirectory, IReadOnlyDictionary<string, string>? environment, byte[] stdin, params string[] args) =>
        RunCoreAsync([], workingDirectory, environment, stdin, args);

    /// <summary>
    /// Runs <c>verso</c> under a wrapper command, e.g. <c>setpriv …</c> to drop privileges or <c>bash -c 'ulimit -f …'</c>
    /// to limit file sizes; the wrapper gets <c>dotnet verso.dll ARGS…</c> (or <c>$VERSO_EXECUTABLE ARGS…</c>) appended.
    /// </summary>
    public static Task<CliResult> RunWrappedAsync(string[] wrapper, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args) =>
        RunCoreAsync(wrapper, workingDirectory, environment, [], args);

    private static async Task<CliResult> RunCoreAsync(string[] wrapper, string workingDirectory, IReadOnlyDictionary<string, string>? environment, byte[] stdin, string[] args)
    {
        var (program, prefix) = VersoExecutable.Command;
        var start = new ProcessStartInfo(wrapper.Length > 0 ? wrapper[0] : program)
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
            start.ArgumentList.Add(program);
        }

        foreach (var part in prefix)
        {
            start.ArgumentList.Add(part);
        }

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
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // It exited (or stopped reading) before taking all of its input, as a refused oversized input does.
        }

        await process.WaitForExitAsync();
        await copy;
        return new CliResult(process.ExitCode, stdout.ToArray(), await stderr);
    }
}
