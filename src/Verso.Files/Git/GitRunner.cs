using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Verso.Files.Git;

/// <summary>
/// Runs the real git executable in one repository: arguments passed as a list (never through a shell),
/// output read as bytes. Every git process of an import is started here, so the settings that change what
/// git prints are pinned in one place.
/// </summary>
internal sealed class GitRunner
{
    /// <summary>The executable looked up on PATH when none is given.</summary>
    public const string DefaultExecutable = "git";

    // A user's config may colour output, re-encode messages, show signatures or quote odd paths; none of
    // that may reach our parsers. -z output already disables path quoting; quotepath is pinned for the rest.
    private static readonly string[] PinnedOptions =
    [
        "--no-pager",
        "-c", "core.quotepath=off",
        "-c", "color.ui=never",
        "-c", "log.showSignature=false",
        "-c", "i18n.logOutputEncoding=UTF-8",
    ];

    // Inherited from a parent git (verso run from a hook, say) these would point git at another repository.
    private static readonly string[] RepositoryVariables =
    [
        "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES",
        "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_PREFIX", "GIT_SHALLOW_FILE", "GIT_GRAFT_FILE",
    ];

    /// <summary>Creates a runner for <paramref name="directory"/>.</summary>
    public GitRunner(string executable, string directory)
    {
        Executable = executable;
        Directory = directory;
    }

    /// <summary>The git executable.</summary>
    public string Executable { get; }

    /// <summary>The repository directory git runs in.</summary>
    public string Directory { get; }

    /// <summary>Starts git; the caller reads its output and completes or disposes it.</summary>
    /// <exception cref="GitException">git cannot be started.</exception>
    public RunningGit Start(IReadOnlyList<string> arguments, bool writesInput, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = Directory,
            RedirectStandardInput = writesInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var option in PinnedOptions)
        {
            startInfo.ArgumentList.Add(option);
        }

        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var variable in RepositoryVariables)
        {
            startInfo.Environment.Remove(variable);
        }

        // The repository must be the directory given, not one found by walking up from it: a folder inside
        // a work tree (or a temp folder inside someone's checkout) is not the repository the user named.
        // GIT_CONFIG_NOSYSTEM is deliberately not set: system config carries safe.directory and similar
        // trust settings, and everything in config that changes output is pinned above.
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Directory));
        if (parent is not null)
        {
            startInfo.Environment["GIT_CEILING_DIRECTORIES"] = parent;
        }
        else
        {
            startInfo.Environment.Remove("GIT_CEILING_DIRECTORIES");
        }

        startInfo.Environment["GIT_TERMINAL_PROMPT"] = "0";
        startInfo.Environment["GIT_OPTIONAL_LOCKS"] = "0";

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new GitException($"could not start '{Executable}'");
        }
        catch (Win32Exception exception)
        {
            throw new GitException($"git is not installed or not on PATH (could not run '{Executable}': {exception.Message})", null, exception);
        }

        return new RunningGit(process, $"git {arguments[0]}", cancellationToken);
    }

    /// <summary>Runs git to the end and returns its exit code and output; a non-zero exit is not an error here.</summary>
    /// <exception cref="GitException">git cannot be started.</exception>
    public async Task<GitRunResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        await using var git = Start(arguments, writesInput: false, cancellationToken);
        using var output = new MemoryStream();
        await git.StandardOutput.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
        var exitCode = await git.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return new GitRunResult(exitCode, output.ToArray(), await git.ReadErrorAsync().ConfigureAwait(false));
    }

    /// <summary>Runs git to the end and returns its output.</summary>
    /// <exception cref="GitException">git cannot be started or exits with an error.</exception>
    public async Task<byte[]> RunCheckedAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new GitException($"git {arguments[0]} failed in '{Directory}': {RunningGit.MessageOf(result.Error)}", result.ExitCode);
        }

        return result.Output;
    }
}
