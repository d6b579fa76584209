using Microsoft.Data.Sqlite;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Hardening;

/// <summary>Unclear or unsafe output (cases 10-14 of the hardening issue, item 6 of the first-day issue).</summary>
public sealed class OutputCaseTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task TagRefusesAVersionWhoseContentWasPruned()
    {
        await _verso.InitializedAsync();
        for (var n = 1; n <= 3; n++)
        {
            _verso.WriteFile("v.json", $$"""{"n":{{n}}}""");
            await _verso.RunAsync("save", "--new-kind", "note", "alice", "v.json", "--by", "ops");
        }

        await _verso.RunAsync("prune", "note/alice", "--keep", "1", "--by", "ops");
        var tag = await _verso.RunAsync("tag", "note/alice@1", "production", "--by", "ops");
        var tags = await _verso.RunAsync("tags", "note/alice");

        Assert.Equal(4, tag.ExitCode);
        Assert.Contains("the content of note/alice@1 was pruned", tag.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("production", tags.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadNumberOptionSaysWhatItTakesWithoutADotNetTypeName()
    {
        _verso.WriteFile("v.json", "{}");

        var result = await _verso.RunAsync("save", "--new-kind", "note", "a", "v.json", "--by", "ops", "--expect", "abc");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("verso: --expect takes a whole number, not 'abc' (see 'verso --help')\n", result.Stderr);
    }

    [Theory]
    [InlineData("{\"a\":1,}", "a.json:1:8: invalid JSON: ")]
    [InlineData("x", "a.json:1:1: invalid JSON: ")]
    [InlineData("{\n  \"a\": tru\n}", "a.json:2:")]
    [InlineData("", "a.json:1:1: invalid JSON: the text is empty: no JSON value")]
    public async Task AJsonErrorNamesTheFileLineAndColumnOneBasedInWords(string json, string expected)
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("a.json", json);

        foreach (var args in new[] { new[] { "save", "--new-kind", "note", "a", "a.json", "--by", "ops" }, ["canon", "a.json"], ["hash", "a.json"] })
        {
            var result = await _verso.RunAsync(args);

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("verso: " + expected, result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("LineNumber", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("BytePositionInLine", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("reader options", result.Stderr, StringComparison.Ordinal);
            CrashCaseTests.AssertOneLine(result);
        }
    }

    [Fact]
    public async Task StandardInputIsNamedStdinInAJsonError()
    {
        var result = await _verso.RunWithInputAsync("[1 2]"u8.ToArray(), "canon", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("verso: stdin:1:4: invalid JSON: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADirectoryGivenAsTheInputFileIsNamedAsADirectory()
    {
        System.IO.Directory.CreateDirectory(_verso.PathOf("folder"));

        var result = await _verso.RunAsync("canon", "folder");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("verso: cannot read folder: it is a directory, not a file\n", result.Stderr);
    }

    [Fact]
    public async Task AnUnknownSslModeValueIsNotCalledAnUnknownOption()
    {
        var result = await _verso.RunAsync("--store", "postgres://u:p@127.0.0.1:1/db?sslmode=bogus", "show", "agent/a");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid value 'bogus' for the PostgreSQL connection option 'sslmode'", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--by", "ops\u001b[31m")]
    [InlineData("--by", "ops\nforged")]
    [InlineData("-m", "why\u001b]0;title\u0007")]
    [InlineData("--by", "caf\uFFFD")]
    public async Task ByAndMessageRefuseControlCharactersAndInvalidUtf8(string option, string value)
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("v.json", "{}");
        string[] args = option == "--by" ? ["save", "--new-kind", "note", "a", "v.json", "--by", value] : ["save", "--new-kind", "note", "a", "v.json", "--by", "ops", "-m", value];

        var result = await _verso.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Stderr);
        Assert.DoesNotContain('\u0007', result.Stderr);
        CrashCaseTests.AssertOneLine(result);
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task ControlCharactersFromTheStoreOrTheCommandLineAreShownEscaped()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("v.json", "{}");
        await _verso.RunAsync("save", "--new-kind", "note", "a", "v.json", "--by", "ops", "-m", "first");
        await using (var connection = new SqliteConnection($"Data Source={_verso.PathOf("verso.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE versions SET message = 'hi\u001b]0;pwned\u0007\nverso: forged', saved_by = 'e\u001b[31mvil';";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var log = await _verso.RunAsync("log", "note/a");
        var error = await _verso.RunAsync("show", "note/x\u001b[2J");

        Assert.Equal(0, log.ExitCode);
        Assert.DoesNotContain('\u001b', log.Stdout);
        Assert.DoesNotContain('\u0007', log.Stdout);
        Assert.Contains(@"hi\e]0;pwned\u0007\nverso: forged", log.Stdout, StringComparison.Ordinal);
        Assert.Contains(@"e\e[31mvil", log.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, error.ExitCode);
        Assert.Contains(@"x\e[2J", error.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', error.Stderr);
    }

    [Fact]
    public async Task ABadCheckpointFileIsBadInputInOneLine()
    {
        _verso.WriteFile("cp.txt", "not a checkpoint\n");
        await _verso.InitializedAsync();

        var result = await _verso.RunAsync("verify", "--since", "cp.txt");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("verso: not a valid checkpoint: line 1: the first line is not 'verso checkpoint 1'\n", result.Stderr);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnUnexpectedErrorIsOneLineWithExitOneAndItsTraceOnlyInDebugMode(bool debug)
    {
        using var stdout = new MemoryStream();
        using var stderr = new StringWriter();
        var console = new Infrastructure.CliConsole(stdout, stderr, new MemoryStream(), name => debug && name == "VERSO_DEBUG" ? "1" : null, _verso.Directory.Path, isTerminal: false);
        Exception thrown;
        try
        {
            throw new InvalidOperationException("boom\u001b[31m");
        }
        catch (InvalidOperationException exception)
        {
            thrown = exception;
        }

        var code = Infrastructure.ErrorReporter.Report(console, null, new Infrastructure.GlobalOptions(), thrown);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(1, code);
        Assert.StartsWith(@"verso: unexpected error (InvalidOperationException): boom\e[31m", lines[0], StringComparison.Ordinal);
        if (debug)
        {
            Assert.StartsWith("verso: debug: System.InvalidOperationException", lines[1], StringComparison.Ordinal);
            Assert.Contains(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        }
        else
        {
            Assert.Single(lines);
            Assert.EndsWith("(run with --verbose or VERSO_DEBUG=1 for the details)", lines[0], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ImportWithAnInvalidFileSavesNothingAndSaysSoForEachFile()
    {
        // Decided (issue 28): import is all or nothing, one batch append; exit 2 naming each invalid file.
        await _verso.InitializedAsync();
        _verso.WriteFile("org/note/good.yaml", "name: good\n");
        _verso.WriteFile("org/note/bad.yaml", "name: [\n");

        var import = await _verso.RunAsync("import", "org", "--by", "ops");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("skipped note/good.yaml: not imported: 1 file(s) invalid", import.Stdout, StringComparison.Ordinal);
        Assert.Contains("invalid note/bad.yaml", import.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, await _verso.VersionCountAsync());
    }
}
