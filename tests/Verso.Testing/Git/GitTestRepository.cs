using System.Diagnostics;
using System.Globalization;
using System.Text;
using Verso.Testing.Support;

namespace Verso.Testing.Git;

/// <summary>
/// A real git repository in a temp directory, built by the test with the real git: scripted authors and
/// dates, no user or system config, no hooks, no signing, no line-ending conversion.
/// </summary>
public sealed class GitTestRepository : IDisposable
{
    private readonly TempDirectory _directory = new();

    private GitTestRepository()
    {
        Path = System.IO.Path.Combine(_directory.Path, "repo");
        Directory.CreateDirectory(Path);
        Directory.CreateDirectory(System.IO.Path.Combine(_directory.Path, "hooks"));
    }

    /// <summary>The work tree.</summary>
    public string Path { get; }

    /// <summary>The directory holding the repository, for siblings such as a bare clone.</summary>
    public string Parent => _directory.Path;

    /// <summary>A fresh repository on branch main.</summary>
    public static GitTestRepository Create()
    {
        var repository = new GitTestRepository();
        repository.Git("init", "-q", "-b", "main");
        repository.Git("config", "commit.gpgsign", "false");
        repository.Git("config", "core.autocrlf", "false");
        repository.Git("config", "core.hooksPath", System.IO.Path.Combine(repository.Parent, "hooks"));
        repository.Git("config", "merge.conflictstyle", "merge");
        return repository;
    }

    public GitTestRepository Write(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    public GitTestRepository Write(string path, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        Git("add", "--", path);
        return this;
    }

    public GitTestRepository Delete(string path)
    {
        Git("rm", "-q", "--", path);
        return this;
    }

    public GitTestRepository Move(string from, string to)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.Combine(Path, to))!);
        Git("mv", "--", from, to);
        return this;
    }

    /// <summary>Commits what is staged as <paramref name="author"/> at <paramref name="date"/>; returns the commit id.</summary>
    public string Commit(string subject, TestAuthor author, DateTimeOffset date)
    {
        RunAs(author, date, "commit", "-q", "--allow-empty", "-m", subject);
        return Head();
    }

    /// <summary>Merges <paramref name="branch"/> with a merge commit, taking <paramref name="resolutions"/> for conflicting files.</summary>
    public string Merge(string branch, string subject, TestAuthor author, DateTimeOffset date, IReadOnlyDictionary<string, string>? resolutions = null)
    {
        // --no-commit leaves a conflicted or clean merge staged; exit 1 only means "conflicts to resolve".
        var exit = RunAs(author, date, ["merge", "-q", "--no-ff", "--no-commit", branch], allowFailure: true).ExitCode;
        if (exit != 0 && resolutions is null)
        {
            throw new InvalidOperationException($"merging {branch} conflicted and no resolution was given");
        }

        foreach (var (path, text) in resolutions ?? new Dictionary<string, string>())
        {
            Write(path, text);
        }

        RunAs(author, date, "commit", "-q", "-m", subject);
        return Head();
    }

    /// <summary>Runs git as <paramref name="author"/> at <paramref name="date"/>.</summary>
    public void Run(TestAuthor author, DateTimeOffset date, params string[] arguments) => RunAs(author, date, arguments);

    public string Head() => Git("rev-parse", "HEAD").Trim();

    /// <summary>Runs git in the work tree and returns its standard output as text.</summary>
    public string Git(params string[] arguments) => Encoding.UTF8.GetString(GitBytes(arguments));

    /// <summary>Runs git in the work tree and returns its standard output as bytes.</summary>
    public byte[] GitBytes(params string[] arguments) => Run(Path, null, null, arguments, allowFailure: false).Output;

    /// <summary>Runs git in the work tree with <paramref name="input"/> on its standard input (e.g. <c>git fast-import</c>).</summary>
    public string GitWithInput(byte[] input, params string[] arguments) => Encoding.UTF8.GetString(GitBytesWithInput(input, arguments));

    /// <summary>Runs git in the work tree with <paramref name="input"/> on its standard input and returns its output as bytes.</summary>
    public byte[] GitBytesWithInput(byte[] input, params string[] arguments) => Run(Path, null, null, arguments, allowFailure: false, input).Output;

    /// <summary>Runs git in <paramref name="directory"/> with no user or system config.</summary>
    public static (int ExitCode, byte[] Output) Run(string directory, TestAuthor? author, DateTimeOffset? date, IReadOnlyList<string> arguments, bool allowFailure) =>
        Run(directory, author, date, arguments, allowFailure, input: null);

    private static (int ExitCode, byte[] Output) Run(string directory, TestAuthor? author, DateTimeOffset? date, IReadOnlyList<string> arguments, bool allowFailure, byte[]? input)
    {
        var startInfo = new ProcessStartInfo("git")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        startInfo.Environment["GIT_CONFIG_GLOBAL"] = System.IO.Path.Combine(directory, "no-global-gitconfig");
        foreach (var variable in (string[])["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_COMMON_DIR"])
        {
            startInfo.Environment.Remove(variable);
        }

        var who = author ?? TestAuthor.Alice;
        var when = date ?? new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        // git's raw date form: seconds since the epoch and the zone, so nothing depends on parsing.
        var gitDate = string.Create(CultureInfo.InvariantCulture, $"@{when.ToUnixTimeSeconds()} {(when.Offset < TimeSpan.Zero ? '-' : '+')}{when.Offset.Duration():hhmm}");
        startInfo.Environment["GIT_AUTHOR_NAME"] = who.Name;
        startInfo.Environment["GIT_AUTHOR_EMAIL"] = who.Email;
        startInfo.Environment["GIT_AUTHOR_DATE"] = gitDate;
        // The committer differs from the author, so a test can tell which one an import used.
        startInfo.Environment["GIT_COMMITTER_NAME"] = "Committer Bot";
        startInfo.Environment["GIT_COMMITTER_EMAIL"] = "bot@example.org";
        startInfo.Environment["GIT_COMMITTER_DATE"] = gitDate;

        using var process = Process.Start(startInfo)!;
        var error = process.StandardError.ReadToEndAsync();
        var feeding = Task.CompletedTask;
        if (input is not null)
        {
            feeding = Task.Run(() =>
            {
                process.StandardInput.BaseStream.Write(input);
                process.StandardInput.Close();
            });
        }

        using var output = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(output);
        process.WaitForExit();
        feeding.Wait();
        if (process.ExitCode != 0 && !allowFailure)
        {
            throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        }

        return (process.ExitCode, output.ToArray());
    }

    public void Dispose() => _directory.Dispose();

    private void RunAs(TestAuthor author, DateTimeOffset date, params string[] arguments) => RunAs(author, date, arguments, allowFailure: false);

    private (int ExitCode, byte[] Output) RunAs(TestAuthor author, DateTimeOffset date, string[] arguments, bool allowFailure) =>
        Run(Path, author, date, arguments, allowFailure);
}
