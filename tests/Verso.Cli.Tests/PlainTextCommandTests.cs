using System.Text;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

/// <summary>export, import, status and import-squad: plain-text files in and out of the store.</summary>
public sealed class PlainTextCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ExportWritesTheSameBytesTwiceAndStatusFindsNoDrift()
    {
        var count = await SeedAsync();

        var first = await _verso.RunAsync("export", "out");
        var second = await _verso.RunAsync("export", "again");
        var status = await _verso.RunAsync("status", "out");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("written agent/alice.md agent/alice@1 sha256:", first.Stdout, StringComparison.Ordinal);
        Assert.EndsWith($"exported {count} file(s) to out: {count} written\n", first.Stdout, StringComparison.Ordinal);
        Assert.Equal(Files("out"), Files("again"));
        Assert.Equal((0, $"clean: {count} file(s) match the store\n"), (status.ExitCode, status.Stdout));
    }

    [Fact]
    public async Task StatusNamesEachDriftAndExitsOneWithoutWriting()
    {
        await SeedAsync();
        await _verso.RunAsync("export", "out");
        var role = _verso.PathOf("out/role/qa-engineer.yaml");
        File.WriteAllText(role, File.ReadAllText(role).Replace("name: QA engineer", "name: QA lead", StringComparison.Ordinal));
        File.Delete(_verso.PathOf("out/agent/sam.md"));
        _verso.WriteFile("out/role/designer.yaml", "id: designer\nname: Designer\n");
        var versions = await _verso.VersionCountAsync();

        var status = await _verso.RunAsync("status", "out");

        Assert.Equal(1, status.ExitCode);
        Assert.Equal(
            [
                "missing agent/sam.md agent/sam@1 ",
                "new role/designer.yaml ",
                "changed role/qa-engineer.yaml: the file holds ",
                "drift: 1 changed, 1 new, 1 missing",
            ],
            status.Stdout.TrimEnd('\n').Split('\n').Select(l => l.Contains("sha256:", StringComparison.Ordinal) ? l[..(l.IndexOf("sha256:", StringComparison.Ordinal))] : l));
        Assert.Equal(versions, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task ImportingAnExportIntoAnotherStoreCreatesEveryEntityAndReimportingCreatesNothing()
    {
        var count = await SeedAsync();
        await _verso.RunAsync("export", "out");
        await _verso.RunAsync("--store", "other.db", "init");

        var imported = await _verso.RunAsync("--store", "other.db", "import", "out", "--by", "git", "-m", "from the repository");
        var again = await _verso.RunAsync("--store", "other.db", "--json", "import", "out", "--by", "git");
        var status = await _verso.RunAsync("--store", "other.db", "status", "out");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("created agent/alice.md agent/alice@1 sha256:", imported.Stdout, StringComparison.Ordinal);
        Assert.EndsWith($"imported {count} file(s): {count} created\n", imported.Stdout, StringComparison.Ordinal);
        var summary = again.Json().GetProperty("summary");
        Assert.Equal((count, 0), (summary.GetProperty("unchanged").GetInt32(), summary.GetProperty("created").GetInt32()));
        Assert.Equal("unchanged", again.Json().GetProperty("files")[0].GetProperty("status").GetString());
        Assert.Equal(0, status.ExitCode);
        var shown = await _verso.RunAsync("--store", "other.db", "--json", "log", "agent/alice");
        Assert.Equal("import", shown.Json()[0].GetProperty("operation").GetString());
    }

    [Fact]
    public async Task BadFilesAreOneLineEachNothingIsImportedAndTheExitIsTwo()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("in/role/good.yaml", "id: good\nname: Good\n");
        _verso.WriteFile("in/role/bad.yaml", "id: bad\n");
        _verso.WriteFile("in/role/x y.yaml", "id: x\nname: X\n");
        _verso.WriteFile("in/Agent/a.md", "---\n---\n");

        var result = await _verso.RunAsync("import", "in", "--by", "ops");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            [
                "invalid Agent/: the folder name is not a kind: use 1-64 of a-z 0-9 -, starting with a letter",
                "invalid role/bad.yaml: /name: required field 'name' is missing",
            ],
            result.Stdout.Split('\n').Take(2));
        Assert.Contains("invalid role/x y.yaml: invalid entity id 'x y'", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped role/good.yaml: not imported: 3 file(s) invalid", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("imported nothing from 4 file(s): 3 invalid, 1 skipped\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("verso: 3 file(s) invalid; nothing imported\n", result.Stderr);
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task OnATerminalImportRunsBehindItsProgressBarAndStillReportsEveryFile()
    {
        var count = await SeedAsync();
        await _verso.RunAsync("export", "out");
        await _verso.RunAsync("--store", "other.db", "init");

        var imported = await _verso.RunOnTerminalAsync("--store", "other.db", "import", "out", "--by", "git");

        // Spectre draws nothing when the output cannot be redrawn in place; the report is printed either way.
        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("created agent/alice.md agent/alice@1", imported.Stdout, StringComparison.Ordinal);
        Assert.Contains($"imported {count} file(s): {count} created\n", imported.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("import", "nowhere", "--by", "ops")]
    [InlineData("export", "out", "--kind", "../x")]
    [InlineData("status", "nowhere")]
    [InlineData("import-squad", ".", "--by", "ops")]
    [InlineData("export", "out", "--kind", "Agent")]
    [InlineData("export", "out", "--kind", "agent", "--layout", "squad")]
    [InlineData("export", "out", "--layout", "git")]
    [InlineData("import", "out", "--by", " ")]
    public async Task BadArgumentsAreOneLineAndExitTwo(params string[] args)
    {
        await _verso.InitializedAsync();
        Directory.CreateDirectory(_verso.PathOf("out"));

        var result = await _verso.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("verso: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASquadTeamImportsAndExportsBackByteForByte()
    {
        await _verso.InitializedAsync();
        var charter = "\uFEFF# Ripley — Backend Dev\r\n\r\n> Ships it 🚀\r\n\r\n## Identity\r\n\r\n- **Name:** Ripley\r\n- **Role:** Backend Dev\r\n- **Expertise:** C#, SQLite\r\n- **Style:** Thorough\r\n\r\n## What I Own\r\n\r\n- Core\r\n\r\n## How I Work\r\n\r\n- Tests first\r\n\r\n## Boundaries\r\n\r\n**I handle:** backend\r\n\r\n## Model\r\n\r\n- **Preferred:** claude-sonnet-4\r\n\r\n## Collaboration\r\n\r\nRead decisions.md.\r\n\r\n## Voice\r\n\r\nQuiet, Zoë-level careful.";
        var decisions = "# Squad Decisions\n\n### 2025-07-10: Use SQLite\n**By:** Ripley\n**What:** One file.\n**Why:** Simple.\n\n---\n\n### 2025-07-11: Use SQLite\n**By:** Dallas\n";
        var inbox = "# Decision: emoji in titles 🎉\n**By:** Kane";
        var original = new Dictionary<string, byte[]>
        {
            [".squad/agents/ripley/charter.md"] = Encoding.UTF8.GetBytes(charter),
            [".squad/decisions.md"] = Encoding.UTF8.GetBytes(decisions),
            [".squad/decisions/inbox/kane-emoji.md"] = Encoding.UTF8.GetBytes(inbox),
        };
        foreach (var (path, bytes) in original)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_verso.PathOf("repo/" + path))!);
            File.WriteAllBytes(_verso.PathOf("repo/" + path), bytes);
        }

        var imported = await _verso.RunAsync("import-squad", "repo", "--by", "ops");
        var exported = await _verso.RunAsync("export", "back", "--layout", "squad");
        var again = await _verso.RunAsync("import-squad", "repo", "--by", "ops");

        Assert.True(imported.ExitCode == 0, imported.ToString());
        Assert.Contains("created .squad/agents/ripley/charter.md agent/ripley@1", imported.Stdout, StringComparison.Ordinal);
        Assert.Contains("created .squad/decisions.md decision/2025-07-10-use-sqlite@1", imported.Stdout, StringComparison.Ordinal);
        Assert.Contains("created .squad/decisions/inbox/kane-emoji.md decision/inbox-kane-emoji@1", imported.Stdout, StringComparison.Ordinal);
        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.All(original, file => Assert.Equal(file.Value, File.ReadAllBytes(_verso.PathOf("back/" + file.Key))));
        Assert.EndsWith("imported 5 file(s): 5 unchanged\n", again.Stdout, StringComparison.Ordinal);
        var shown = await _verso.RunAsync("--json", "show", "agent/ripley");
        Assert.Equal("backend-dev", shown.Json().GetProperty("content").GetProperty("role").GetString());
    }

    private async Task<int> SeedAsync()
    {
        await _verso.InitializedAsync();
        var samples = Path.Combine(RepositoryRoot(), "samples", "org");
        var count = 0;
        foreach (var file in Directory.GetFiles(samples, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var result = await _verso.RunAsync("save", Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetFileNameWithoutExtension(file), file, "--by", "seed");
            Assert.True(result.ExitCode == 0, result.ToString());
            count++;
        }

        return count;
    }

    private SortedDictionary<string, string> Files(string directory)
    {
        var root = _verso.PathOf(directory);
        return new(Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(File.ReadAllBytes(f))), StringComparer.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Verso.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Verso.slnx) was not found above the test binaries");
    }
}
