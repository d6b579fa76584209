using System.Diagnostics;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests;

/// <summary>What a newcomer reaches for on the first day: each test fails on the verso before issue 16.</summary>
public sealed class FirstDayCommandTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task ExportRefusesToOverwriteAHandEditNamingItAndForceOverwrites()
    {
        await ImportSamplesAsync();
        await _verso.RunAsync("export", "out");
        var role = _verso.PathOf("out/role/code-reviewer.yaml");
        var edited = File.ReadAllText(role).Replace("name: ", "name: Senior ", StringComparison.Ordinal);
        File.WriteAllText(role, edited);

        var refused = await _verso.RunAsync("export", "out", "--kind", "role");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("role/code-reviewer.yaml", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(edited, File.ReadAllText(role));

        var forced = await _verso.RunAsync("export", "out", "--kind", "role", "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.NotEqual(edited, File.ReadAllText(role));
    }

    [Fact]
    public async Task ExportOfOneKindKeepsTheOtherKindsInTheManifest()
    {
        await ImportSamplesAsync();
        await _verso.RunAsync("export", "out");
        var before = File.ReadAllText(_verso.PathOf("out/verso-manifest.yaml"));

        var again = await _verso.RunAsync("export", "out", "--kind", "role");

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal(before, File.ReadAllText(_verso.PathOf("out/verso-manifest.yaml")));
        Assert.Contains("agent/alice.md", before, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedKindIsAnErrorNotAnEmptyExport()
    {
        await ImportSamplesAsync();

        var result = await _verso.RunAsync("export", "out", "--kind", "agents");
        var import = await _verso.RunAsync("import", Path.Combine(Repository.Root(), "samples", "org"), "--kind", "agents", "--by", "me");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no agents entities", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, import.ExitCode);
        Assert.Contains("has no agents/ folder", import.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportReadsAllSixteenJsonSamples()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("import", Path.Combine(Repository.Root(), "samples", "org"), "--by", "me");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("imported 16 file(s): 16 created\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveReadsYamlAndNamesTheFileLineAndColumnOfAnError()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("reviewer.yaml", "name: Reviewer\ndescription: reviews code\n");
        _verso.WriteFile("broken.yaml", "name: Reviewer\n  bad: [\n");

        var saved = await _verso.RunAsync("save", "--new-kind", "note", "reviewer", "reviewer.yaml", "--by", "me");
        var broken = await _verso.RunAsync("save", "--new-kind", "note", "broken", "broken.yaml", "--by", "me");

        Assert.True(saved.ExitCode == 0, saved.ToString());
        Assert.Equal("Reviewer", (await _verso.RunAsync("--json", "show", "note/reviewer")).Json().GetProperty("content").GetProperty("name").GetString());
        Assert.Equal(2, broken.ExitCode);
        Assert.Matches(@"^verso: broken\.yaml:2:\d+: not valid YAML", broken.Stderr);
    }

    [Fact]
    public async Task SaveRefusesARecordWhoseIdNamesAnotherEntity()
    {
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("save", "agent", "bob", Path.Combine(Repository.Root(), "samples", "agent-alice.json"), "--by", "me");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'alice', not 'bob'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedCommandSuggestsTheRightOneAndABareVersoShowsHelp()
    {
        var mistyped = await _verso.RunAsync("sve");
        var bare = await _verso.RunAsync();
        var help = await _verso.RunAsync("save", "--help");

        Assert.Equal(2, mistyped.ExitCode);
        Assert.Contains("did you mean `save`?", mistyped.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, bare.ExitCode);
        Assert.Contains("Usage:", bare.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command", bare.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Examples:\n  verso save agent alice alice.json", help.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAndKindsShowWhatTheStoreHolds()
    {
        await ImportSamplesAsync();
        await _verso.RunAsync("tag", "agent/alice@1", "production", "--by", "me");

        var agents = await _verso.RunAsync("list", "agent");
        var kinds = await _verso.RunAsync("kinds");

        Assert.Equal(0, agents.ExitCode);
        var lines = agents.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.Matches(@"^agent/alice\s+@1\s+[0-9a-f]{12}\s+me\s+\S+ \S+\s+production@1$", lines[1]);
        Assert.Contains(kinds.Stdout.Split('\n'), l => l.StartsWith("role ", StringComparison.Ordinal) && l.Contains(" 5 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DiffTakesOneRefARefAndAVersionOrARefAndAFile()
    {
        await _verso.InitializedAsync();
        var samples = Path.Combine(Repository.Root(), "samples");
        await _verso.RunAsync("save", "agent", "alice", Path.Combine(samples, "agent-alice.json"), "--by", "me");
        await _verso.RunAsync("save", "agent", "alice", Path.Combine(samples, "agent-alice-v2.json"), "--by", "me");
        await _verso.RunAsync("export", "out");

        var head = await _verso.RunAsync("diff", "agent/alice");
        var second = await _verso.RunAsync("diff", "agent/alice@2");
        var file = await _verso.RunAsync("diff", "agent/alice@1", "out/agent/alice.md");

        Assert.True(head.ExitCode == 0, head.ToString());
        Assert.StartsWith("agent/alice@1 → agent/alice@2\n", head.Stdout, StringComparison.Ordinal);
        Assert.Equal(head.Stdout, second.Stdout);
        Assert.True(file.ExitCode == 0, file.ToString());
        Assert.StartsWith("agent/alice@1 → out/agent/alice.md\n", file.Stdout, StringComparison.Ordinal);
        Assert.Equal(head.Stdout[head.Stdout.IndexOf('\n', StringComparison.Ordinal)..], file.Stdout[file.Stdout.IndexOf('\n', StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task ShowAcceptsTheShortHashLogPrintsAndPrintsAgentsAsMarkdown()
    {
        await _verso.InitializedAsync();
        await _verso.RunAsync("save", "agent", "alice", Path.Combine(Repository.Root(), "samples", "agent-alice.json"), "--by", "me");
        var hash = (await _verso.RunAsync("--json", "log", "agent/alice")).Json()[0].GetProperty("hash").GetString()!["sha256:".Length..][..12];

        var byHash = await _verso.RunAsync("show", $"agent/alice@{hash}", "--format", "md");

        Assert.True(byHash.ExitCode == 0, byHash.ToString());
        Assert.StartsWith("---\nid: alice\n", byHash.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowOfAVersionWhoseContentDoesNotMatchItsHashExitsOneNamingIt()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "me");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_verso.PathOf("verso.db")}"))
        {
            await connection.OpenAsync();
            var tables = connection.CreateCommand();
            tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%BLOB%'";
            var blobTables = new List<string>();
            await using (var reader = await tables.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    blobTables.Add(reader.GetString(0));
                }
            }

            foreach (var table in blobTables)
            {
                var columns = connection.CreateCommand();
                columns.CommandText = $"SELECT name FROM pragma_table_info('{table}') WHERE type = 'BLOB'";
                var names = new List<string>();
                await using (var reader = await columns.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync())
                    {
                        names.Add(reader.GetString(0));
                    }
                }

                foreach (var column in names)
                {
                    var tamper = connection.CreateCommand();
                    tamper.CommandText = $"UPDATE {table} SET {column} = CAST('{{\"name\":\"Mallory\"}}' AS BLOB) WHERE CAST({column} AS TEXT) = '{{\"name\":\"Alice\"}}'";
                    await tamper.ExecuteNonQueryAsync();
                }
            }
        }

        var shown = await _verso.RunAsync("show", "note/alice");

        Assert.Equal(1, shown.ExitCode);
        Assert.Contains("note/alice@1", shown.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Mallory", shown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TagsWithNoTagsSaysSo()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "me");

        var tags = await _verso.RunAsync("tags", "note/alice");

        Assert.Equal("note/alice has no tags (verso tag note/alice@N NAME names a version)\n", tags.Stdout);
    }

    [Fact]
    public async Task BashCompletesASubcommandFromTheCompletionScript()
    {
        var script = (await _verso.RunAsync("completion", "bash")).Stdout;
        var bin = Directory.CreateDirectory(_verso.PathOf("bin")).FullName;
        var verso = Path.Combine(bin, "verso");
        var (program, prefix) = VersoExecutable.Command;
        File.WriteAllText(verso, $"#!/bin/sh\nexec {string.Join(' ', new[] { program }.Concat(prefix).Select(a => $"'{a}'"))} \"$@\"\n");
        MakeExecutable(verso);
        _verso.WriteFile("completion.bash", script);
        _verso.WriteFile("run.bash", "source completion.bash\nCOMP_WORDS=(verso sa)\nCOMP_CWORD=1\n_verso\necho \"${COMPREPLY[*]}\"\n");

        var start = new ProcessStartInfo("bash", ["run.bash"]) { WorkingDirectory = _verso.Directory.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        using var bash = Process.Start(start)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.Equal("save", output.Trim());
    }

    [Fact]
    public async Task EditWithAnEditorThatChangesAFieldSavesOneVersion()
    {
        await ImportSamplesAsync();
        var editor = _verso.WriteFile("editor.sh", "#!/bin/sh\nsed -i 's/^name: .*/name: Alice Renamed/' \"$1\"\n");
        MakeExecutable(editor);
        var versions = await _verso.VersionCountAsync();

        var edit = await _verso.WithEnvironment("EDITOR", editor).RunAsync("edit", "agent/alice", "-m", "rename", "--by", "me");

        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.StartsWith("created agent/alice@2 ", edit.Stdout, StringComparison.Ordinal);
        Assert.Equal(versions + 1, await _verso.VersionCountAsync());
        Assert.Equal("Alice Renamed", (await _verso.RunAsync("--json", "show", "agent/alice")).Json().GetProperty("content").GetProperty("name").GetString());
    }

    [Fact]
    public async Task EditThatWritesAnInvalidRecordGetsTheProblemsAndTheEditorAgain()
    {
        await ImportSamplesAsync();
        // First run: break the workflow (an edge to a node that does not exist). Second run: see the problem, fix it.
        var editor = _verso.WriteFile("editor.sh", """
            #!/bin/sh
            count=$(cat "$0.count" 2>/dev/null || echo 0)
            echo $((count + 1)) > "$0.count"
            if [ "$count" = 0 ]; then
                sed -i 's/^role: .*/role: ""/' "$1"
            else
                cp "$1" "$0.seen"
                sed -i 's/^role: ""/role: code-reviewer/; s/^name: .*/name: Alice Fixed/' "$1"
            fi
            """.Replace("            ", "", StringComparison.Ordinal));
        MakeExecutable(editor);
        var versions = await _verso.VersionCountAsync();

        var edit = await _verso.WithEnvironment("EDITOR", editor).RunAsync("edit", "agent/alice", "--by", "me");

        Assert.True(edit.ExitCode == 0, edit.ToString());
        Assert.Equal("2", File.ReadAllText(editor + ".count").Trim());
        Assert.Contains("# verso: invalid agent record at /role", File.ReadAllText(editor + ".seen"), StringComparison.Ordinal);
        Assert.Contains("invalid agent record at /role", edit.Stderr, StringComparison.Ordinal);
        Assert.Equal(versions + 1, await _verso.VersionCountAsync());
        Assert.Equal("Alice Fixed", (await _verso.RunAsync("--json", "show", "agent/alice")).Json().GetProperty("content").GetProperty("name").GetString());
    }

    [Fact]
    public async Task StatusSaysWhichHashIsWhoseAndDiffShowsWhatChanged()
    {
        await ImportSamplesAsync();
        await _verso.RunAsync("export", "out");
        var role = _verso.PathOf("out/role/qa-engineer.yaml");
        File.WriteAllText(role, File.ReadAllText(role).Replace("name: QA engineer", "name: QA lead", StringComparison.Ordinal));

        var status = await _verso.RunAsync("status", "out", "--diff");

        Assert.Equal(1, status.ExitCode);
        Assert.Matches(@"(?m)^changed role/qa-engineer\.yaml: the file holds sha256:[0-9a-f]{64}; the store has role/qa-engineer@1 sha256:[0-9a-f]{64}$", status.Stdout);
        Assert.Contains("role/qa-engineer@1 → role/qa-engineer.yaml\n", status.Stdout, StringComparison.Ordinal);
        Assert.Contains("QA lead", status.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EraseOnATerminalAsksFirstAndYesSkipsTheQuestion()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");
        _verso.WriteFile("b.json", """{"name":"Alice B."}""");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "me");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "b.json", "--by", "me");

        var declined = await _verso.RunOnTerminalWithInputAsync("n\n"u8.ToArray(), "erase", "note/alice@1", "--reason", "personal data", "--by", "me");
        var stillThere = await _verso.RunAsync("show", "note/alice@1");
        var confirmed = await _verso.RunOnTerminalWithInputAsync("y\n"u8.ToArray(), "erase", "note/alice@1", "--reason", "personal data", "--by", "me");
        var skipped = await _verso.RunOnTerminalAsync("erase", "note/alice@2", "--reason", "personal data", "--by", "me", "--yes");

        Assert.Equal(1, declined.ExitCode);
        Assert.Contains("This cannot be undone. [y/N]", declined.Stderr, StringComparison.Ordinal);
        Assert.Contains("Alice", stillThere.Stdout, StringComparison.Ordinal);
        Assert.True(confirmed.ExitCode == 0, confirmed.ToString());
        Assert.True(skipped.ExitCode == 0, skipped.ToString());
        Assert.DoesNotContain("[y/N]", skipped.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowPrintsAnAgentAsMarkdownOnATerminalAndAsJsonInAPipe()
    {
        await _verso.InitializedAsync();
        await _verso.RunAsync("save", "agent", "alice", Path.Combine(Repository.Root(), "samples", "agent-alice.json"), "--by", "me");

        var terminal = await _verso.RunOnTerminalAsync("show", "agent/alice");
        var piped = await _verso.RunAsync("show", "agent/alice");

        Assert.StartsWith("---\nid: alice\n", terminal.Stdout, StringComparison.Ordinal);
        Assert.StartsWith("{", piped.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LogPrintsPlainColumnsWithoutBlankLines()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", """{"name":"Alice"}""");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "a.json", "--by", "me", "-m", "a message long enough that an eighty column table would have wrapped it onto a second line");

        var log = await _verso.RunAsync("log", "note/alice");

        var lines = log.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("version  hash", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("onto a second line", lines[1], StringComparison.Ordinal);
    }

    private static void MakeExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task ImportSamplesAsync()
    {
        await _verso.InitializedAsync();
        var result = await _verso.RunAsync("import", Path.Combine(Repository.Root(), "samples", "org"), "--by", "me");
        Assert.True(result.ExitCode == 0, result.ToString());
    }
}
