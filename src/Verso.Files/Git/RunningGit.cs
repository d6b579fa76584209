using System.Diagnostics;

namespace Verso.Files.Git;

/// <summary>
/// One git process whose output is read as it comes. Standard error is drained in the background so a
/// chatty git never blocks on a full pipe; disposing kills a process that is still running, so an import
/// that stops early (an error, a cancellation) leaves no git behind.
/// </summary>
internal sealed class RunningGit : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;
    private readonly CancellationTokenRegistration _cancellation;

    public RunningGit(Process process, string description, CancellationToken cancellationToken)
    {
        _process = process;
        Description = description;
        _error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        Output = new GitOutputReader(process.StandardOutput.BaseStream);
        // Killing git ends its output, which unblocks any read waiting on it; the reader then sees the token.
        _cancellation = cancellationToken.Register(Kill);
    }

    /// <summary>What runs, e.g. <c>git diff-tree</c>, for error messages.</summary>
    public string Description { get; }

    /// <summary>git's standard output as a field reader.</summary>
    public GitOutputReader Output { get; }

    /// <summary>git's raw standard output.</summary>
    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    /// <summary>git's standard input (only when started with input).</summary>
    public Stream StandardInput => _process.StandardInput.BaseStream;

    /// <summary>Closes git's standard input, telling it no more requests follow.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>Waits for git to exit and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return _process.ExitCode;
    }

    /// <summary>Waits for git to exit.</summary>
    /// <exception cref="GitException">git exited with an error.</exception>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var exitCode = await WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        if (exitCode != 0)
        {
            throw new GitException($"{Description} failed: {MessageOf(await ReadErrorAsync().ConfigureAwait(false))}", exitCode);
        }
    }

    /// <summary>Everything git wrote to standard error.</summary>
    public Task<string> ReadErrorAsync() => _error;

    /// <summary>A failure as one line: git's <c>fatal:</c> line when it printed one, without the prefix.</summary>
    public static string MessageOf(string error)
    {
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = lines.FirstOrDefault(l => l.StartsWith("fatal:", StringComparison.Ordinal)) ?? lines.FirstOrDefault();
        if (line is null)
        {
            return "git printed no message";
        }

        foreach (var prefix in (string[])["fatal: ", "error: "])
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line[prefix.Length..];
            }
        }

        return line;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _cancellation.DisposeAsync().ConfigureAwait(false);
        Kill();
        try
        {
            await _error.ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The pipe closed under a killed process; its messages no longer matter.
        }

        _process.Dispose();
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }
}
