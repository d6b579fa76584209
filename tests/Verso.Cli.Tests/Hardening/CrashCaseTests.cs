using System.Text;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Hardening;

/// <summary>The crashes of the hardening issue (cases 1-6): each input now gets one line and an exit code, never a trace.</summary>
public sealed class CrashCaseTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    /// <summary>A record nested <paramref name="depth"/> arrays deep inside one object.</summary>
    internal static string Nested(int depth, string leaf = "1") =>
        "{\"deep\":" + new string('[', depth - 1) + leaf + new string(']', depth - 1) + "}";

    [Fact]
    public async Task ARecordNestedDeeperThanSixtyFourReadsBackThroughEveryCommand()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("v1.json", Nested(100));
        _verso.WriteFile("v2.json", Nested(100, "2"));
        Assert.Equal(0, (await _verso.RunAsync("save", "--new-kind", "note", "deep", "v1.json", "--by", "ops")).ExitCode);
        Assert.Equal(0, (await _verso.RunAsync("save", "--new-kind", "note", "deep", "v2.json", "--by", "ops")).ExitCode);

        string[][] reads =
        [
            ["show", "note/deep"],
            ["diff", "note/deep@1", "note/deep@2"],
            ["diff", "note/deep@1", "note/deep@2", "--format", "json"],
            ["diff", "note/deep@1", "note/deep@2", "--format", "patch"],
            ["blame", "note/deep"],
            ["merge", "note/deep", "--base", "1", "--ours", "2", "--theirs", "1"],
            ["export", "out"],
        ];
        foreach (var args in reads)
        {
            var result = await _verso.RunAsync(args);
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: {result}");
        }

        Assert.True(File.Exists(_verso.PathOf("out/verso-manifest.yaml")), "export wrote its manifest");
    }

    [Fact]
    public async Task PatchOnADeepDocumentWorksAndADeepResultIsRefusedInWords()
    {
        _verso.WriteFile("doc.json", Nested(100));
        _verso.WriteFile("ok.json", """[{"op":"add","path":"/more","value":1}]""");
        // Into the innermost array (99 levels down), a value 40 deep: each input is within the limit, the result is not.
        var innermost = "/deep" + string.Concat(Enumerable.Repeat("/0", 97)) + "/-";
        _verso.WriteFile("deeper.json", $"[{{\"op\":\"add\",\"path\":\"{innermost}\",\"value\":" + new string('[', 40) + new string(']', 40) + "}]");

        var ok = await _verso.RunAsync("patch", "doc.json", "ok.json");
        var deeper = await _verso.RunAsync("patch", "doc.json", "deeper.json");

        Assert.True(ok.ExitCode == 0, ok.ToString());
        Assert.Equal(2, deeper.ExitCode);
        Assert.Contains("maximum depth of 128", deeper.Stderr, StringComparison.Ordinal);
        AssertOneLine(deeper);
    }

    [Fact]
    public async Task MalformedYamlInImportAndStatusIsOneInvalidLineAndTheReportIsPrinted()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("org/note/bad.yaml", "n: [1,\nname: x\n");
        _verso.WriteFile("org/note/good.yaml", "name: good\ndescription: fine\n");

        var import = await _verso.RunAsync("import", "org", "--by", "ops");
        var status = await _verso.RunAsync("status", "org");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("invalid note/bad.yaml: line 1: not valid YAML", import.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("note/bad.yaml", status.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", status.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOversizedRecordOnStandardInputIsRefusedAtTheLimitWithoutTouchingTheStore()
    {
        await _verso.InitializedAsync();
        _verso.WithEnvironment("VERSO_MAX_RECORD_SIZE", "1000");
        var big = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 5000) + "\"}");

        var result = await _verso.RunWithInputAsync(big, "save", "--new-kind", "note", "big", "-", "--by", "ops");
        var garbage = await _verso.RunWithInputAsync(new byte[5000], "canon", "-");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("verso: standard input is over the max record size of 1000 bytes\n", result.Stderr);
        Assert.Equal(2, garbage.ExitCode);
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    [Fact]
    public async Task TheRecordLimitStopsReadingAStreamOnceItIsPassed()
    {
        // A stream that never ends: reading it whole would never return; the limit ends the read.
        await using var endless = new EndlessStream();
        var error = await Assert.ThrowsAsync<Errors.LimitExceededException>(() => Documents.Canonical.RecordLimits.ReadAsync(endless, 1 << 20, "standard input"));

        Assert.Equal(1 << 20, error.Maximum);
        Assert.InRange(endless.Served, 1 << 20, (1 << 20) + (1 << 17));
    }

    [Fact]
    public async Task ThirtySelfCopiesInAPatchAreRefusedBeforeTheyGrow()
    {
        _verso.WriteFile("doc.json", """{"a":[1,2,3,4,5,6,7,8]}""");
        var copies = string.Join(',', Enumerable.Repeat("""{"op":"copy","from":"/a","path":"/a/-"}""", 30));
        _verso.WriteFile("patch.json", $"[{copies}]");
        _verso.WriteFile("many.json", "[" + string.Join(',', Enumerable.Repeat("""{"op":"test","path":"/a/0","value":1}""", 10_001)) + "]");

        var grown = await _verso.RunAsync("patch", "doc.json", "patch.json");
        var many = await _verso.RunAsync("patch", "doc.json", "many.json");

        Assert.Equal(2, grown.ExitCode);
        Assert.Contains("is over the patch result size of 16777216 bytes", grown.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, many.ExitCode);
        Assert.Contains("10001 operations is over the limit of 10000 operations", many.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportSkipsAFifoInsteadOfBlockingOnIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await _verso.InitializedAsync();
        _verso.WriteFile("org/thing/good.yaml", "name: good\n");
        var fifo = _verso.PathOf("org/thing/fifo.yaml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var import = await _verso.RunAsync("import", "org", "--by", "ops");

        Assert.Equal(2, import.ExitCode);
        Assert.Contains("invalid thing/fifo.yaml: not a regular file", import.Stdout, StringComparison.Ordinal);
        // All or nothing: the good file is read, reported, and not saved.
        Assert.Contains("skipped thing/good.yaml", import.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, await _verso.VersionCountAsync());
    }

    internal static void AssertOneLine(CliResult result)
    {
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, result.ToString());
        Assert.StartsWith("verso: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'x', offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
