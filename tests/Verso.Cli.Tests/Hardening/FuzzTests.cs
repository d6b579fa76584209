using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Data.Sqlite;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Hardening;

/// <summary>
/// Every command over generated bad inputs (FsCheck generators for JSON, names, refs, patches and options)
/// and a corpus of the hardening issue's cases: each run exits 1, 2, 3 or 4, prints exactly one line on
/// standard error (never a stack frame), and leaves the store's bytes as they were. About three hundred
/// runs in-process, and a few dozen as real processes, where an unhandled exception would show as exit 134.
/// </summary>
public sealed class FuzzTests : IDisposable
{
    private const int InProcessCases = 300;
    private const int ProcessCases = 24;

    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task EveryCommandAnswersBadInputWithOneLineAndAnExitCodeAndLeavesTheStoreAlone()
    {
        await SeedAsync();
        var before = StoreDigest();
        var cases = Corpus().Concat(Cases.Sample(30, InProcessCases)).ToList();
        foreach (var @case in cases)
        {
            var result = await RunAsync(@case);
            AssertRejected(@case, result);
            var after = StoreDigest();
            Assert.True(before == after, $"{@case} changed the store");
        }
    }

    [Fact]
    public async Task AsProcessesBadInputNeverEndsInAnUnhandledException()
    {
        await SeedAsync();
        var before = StoreDigest();
        // A NUL cannot be passed to a process as an argument at all.
        foreach (var @case in Corpus().Take(8).Concat(Cases.Sample(30, ProcessCases * 2).Where(c => !c.Args.Any(a => a.Contains('\0', StringComparison.Ordinal))).Take(ProcessCases - 8)))
        {
            var files = Write(@case);
            var result = await VersoProcess.RunAsync(_verso.Directory.Path, @case.Environment, [.. @case.Args.Select(a => files.GetValueOrDefault(a, a))]);
            AssertRejected(@case, result);
        }

        Assert.Equal(before, StoreDigest());
    }

    private static void AssertRejected(FuzzCase @case, CliResult result)
    {
        Assert.True(result.ExitCode is >= 1 and <= 4, $"{@case}: {result}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"{@case}: expected one line on stderr: {result}");
        Assert.StartsWith("verso: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stderr);
    }

    private async Task<CliResult> RunAsync(FuzzCase @case)
    {
        var files = Write(@case);
        foreach (var (name, value) in @case.Environment)
        {
            _verso.WithEnvironment(name, value);
        }

        try
        {
            return await _verso.RunWithInputAsync(@case.Stdin ?? [], [.. @case.Args.Select(a => files.GetValueOrDefault(a, a))]);
        }
        finally
        {
            foreach (var name in @case.Environment.Keys)
            {
                _verso.WithEnvironment(name, "");
            }
        }
    }

    // Files are written under fresh names, so one case's input never meets another's.
    private Dictionary<string, string> Write(FuzzCase @case)
    {
        var names = new Dictionary<string, string>();
        foreach (var (placeholder, bytes) in @case.Files)
        {
            var name = $"in-{Guid.NewGuid():N}{Path.GetExtension(placeholder)}";
            var path = placeholder.Contains('/', StringComparison.Ordinal) ? Path.Combine(_verso.PathOf(name), placeholder) : _verso.PathOf(name);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
            names[placeholder.Contains('/', StringComparison.Ordinal) ? "$dir" : placeholder] = name;
        }

        return names;
    }

    private async Task SeedAsync()
    {
        await _verso.InitializedAsync();
        for (var n = 1; n <= 3; n++)
        {
            _verso.WriteFile("seed.json", $$"""{"name":"alice","n":{{n}}}""");
            Assert.Equal(0, (await _verso.RunAsync("save", "--new-kind", "note", "alice", "seed.json", "--by", "ops")).ExitCode);
        }

        await _verso.RunAsync("tag", "note/alice@2", "production", "--by", "ops");
    }

    private string StoreDigest()
    {
        SqliteConnection.ClearAllPools();
        var path = _verso.PathOf("verso.db");
        var wal = path + "-wal";
        var bytes = File.ReadAllBytes(path).Concat(File.Exists(wal) ? File.ReadAllBytes(wal) : []).ToArray();
        return Convert.ToHexString(SHA256.HashData(bytes));
    }

    // The issue's own cases, each a bad input that once crashed or misled.
    private static IEnumerable<FuzzCase> Corpus()
    {
        yield return FuzzCase.Save("n: [1,\nname: x\n"u8.ToArray());
        yield return FuzzCase.Save("{\"a\":"u8.ToArray());
        yield return FuzzCase.Save(Encoding.UTF8.GetBytes(new string('[', 200) + new string(']', 200)));
        yield return new FuzzCase(["save", "--new-kind", "note", "big", "-", "--by", "ops"], Stdin: Encoding.UTF8.GetBytes("{\"t\":\"" + new string('x', 4096) + "\"}"))
        {
            Environment = new Dictionary<string, string> { ["VERSO_MAX_RECORD_SIZE"] = "1024" },
        };
        yield return FuzzCase.Patch("""{"a":[1]}""", "[" + string.Join(',', Enumerable.Repeat("""{"op":"copy","from":"/a","path":"/a/-"}""", 30)) + "]");
        yield return new FuzzCase(["save", "--new-kind", "note", "a", "$file", "--by", "ops", "--expect", "abc"]) { Files = new() { ["$file"] = "{}"u8.ToArray() } };
        yield return new FuzzCase(["--store", "postgres://u:p@127.0.0.1:1/db?sslmode=bogus", "show", "note/a"]);
        yield return new FuzzCase(["save", "--new-kind", "note", "a", "$file", "--by", "ops\u001b[31m"]) { Files = new() { ["$file"] = "{}"u8.ToArray() } };
        yield return new FuzzCase(["save", "--new-kind", "note", "a", "$file", "--by", "ops", "-m", "why\u001b]0;x\u0007"]) { Files = new() { ["$file"] = "{}"u8.ToArray() } };
        yield return new FuzzCase(["show", "note/a\u001b[2J"]);
        yield return new FuzzCase(["import", "$dir", "--by", "ops"]) { Files = new() { ["note/bad.yaml"] = "n: [1,\nname: x\n"u8.ToArray() } };
        yield return new FuzzCase(["--store", "$file", "show", "note/alice"]) { Files = new() { ["$file"] = "not a database"u8.ToArray() } };
        yield return new FuzzCase(["verify", "--since", "$file"]) { Files = new() { ["$file"] = "verso checkpoint 1\nroot sha256:00\n"u8.ToArray() } };
        yield return new FuzzCase(["tag", "note/alice@9", "production", "--by", "ops"]);
        yield return new FuzzCase(["save", "--new-kind", "note", "alice", "$file", "--by", "ops", "--expect", "1"]) { Files = new() { ["$file"] = "{\"n\":9}"u8.ToArray() } };
    }

    private static readonly Gen<string> BadNames = Gen.OneOf(
        Gen.Elements("", " ", "a b", "a/b", "../x", "-x", ".x", "A\u0000", "x\u001b[31m", "x\n", "ä", new string('a', 200), "@", "x@y"),
        Gen.Elements("note", "x", "alice").SelectMany(prefix => Gen.Elements(' ', '/', '\\', '\t', '\u0007', '\u202E', '*', '?', '#', ':').Select(bad => $"{prefix}{bad}")));

    // Refs no command accepts; and refs that are well formed but name nothing (exit 4 where a version is read).
    private static readonly Gen<string> BadRefs = Gen.OneOf(
        Gen.Elements("note", "note/", "/alice", "note/alice@", "note/alice@0", "note/alice@-1", "note/alice@sha256:zz",
            "note/alice@sha256:12", "note/alice@{yesterday}", "note/alice@{2026-13-01T00:00:00Z}", "note/alice@Prod uction",
            "NOTE/alice", "note/alice@1@2", "note//alice"),
        BadNames.Select(name => $"note/{name}"));

    private static readonly Gen<string> MissingRefs = Gen.Elements("note/nobody", "note/alice@99", "note/alice@{1900-01-01T00:00:00Z}", "note/alice@sha256:00000000");

    private static readonly Gen<byte[]> BadJson = Gen.OneOf(
        Gen.Elements("", " ", "{", "}", "[1,]", "{\"a\":1,}", "{\"a\" 1}", "tru", "nul", "01", "1e400", "-", "\"\\ud800\"", "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":1}}", "[1] [2]", "/* c */ 1", "{\"a\":NaN}", "'x'", "\"\\x\"", "[\"\t\"]").Select(Encoding.UTF8.GetBytes),
        Gen.Choose(129, 300).Select(depth => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth))),
        Gen.Choose(1, 40).Select(cut => Encoding.UTF8.GetBytes("""{"name":"alice","skills":["a","b"],"n":{"x":1.5}}"""[..cut])),
        Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b)).Select(tail => (byte[])[0x01, .. tail]),
        Gen.Elements<byte[]>([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D], [0xEF, 0xBB, 0xBF, 0xFF], [0x22, 0xC3, 0x28, 0x22]));

    private static readonly Gen<string> BadPatches = Gen.OneOf(
        Gen.Elements("{}", "[1]", "[{}]", """[{"op":"jump","path":"/a"}]""", """[{"op":"add"}]""", """[{"op":"remove","path":""}]""",
            """[{"op":"remove","path":"/nope"}]""", """[{"op":"add","path":"/a/99","value":1}]""", """[{"op":"test","path":"/a","value":2}]""",
            """[{"op":"move","from":"/a","path":"/a/b"}]""", """[{"op":"add","path":"a","value":1}]""", """[{"op":"add","path":"/a/01","value":1}]""",
            """[{"op":"copy","from":"/missing","path":"/b"}]""", """[{"op":"replace","path":"/zz","value":1}]"""),
        BadJson.Select(Encoding.UTF8.GetString));

    private static readonly Gen<FuzzCase> Cases = Gen.OneOf(
        BadJson.Select(FuzzCase.Save),
        BadJson.Select(json => new FuzzCase(["canon", "$file"]) { Files = new() { ["$file"] = json } }),
        BadJson.Select(json => new FuzzCase(["hash", "-"], Stdin: json)),
        BadPatches.Select(patch => FuzzCase.Patch("""{"a":1}""", patch)),
        BadNames.Select(name => new FuzzCase(["save", name, "a", "$file", "--by", "ops"]) { Files = new() { ["$file"] = "{}"u8.ToArray() } }),
        BadNames.Select(name => new FuzzCase(["save", "--new-kind", "note", name, "$file", "--by", "ops"]) { Files = new() { ["$file"] = "{}"u8.ToArray() } }),
        Gen.Elements("\u001b", "\n", "\r", "\u0007", "\uFFFD", "\u0000", "\u009b").Select(bad => new FuzzCase(["save", "--new-kind", "note", "alice", "$file", "--by", $"op{bad}s"]) { Files = new() { ["$file"] = "{}"u8.ToArray() } }),
        BadRefs.SelectMany(reference => Gen.Elements<string[]>(
            ["show", reference], ["log", reference], ["blame", reference], ["tags", reference], ["refs", reference],
            ["diff", reference, "note/alice"], ["diff", "note/alice@1", reference], ["compat", reference, "note/alice"],
            ["tag", reference, "production", "--by", "ops"], ["rollback", reference, "--to", "1", "--by", "ops"]).Select(args => new FuzzCase(args))),
        MissingRefs.SelectMany(reference => Gen.Elements<string[]>(
            ["show", reference], ["blame", reference], ["diff", reference, "note/alice"], ["compat", "note/alice@1", reference],
            ["tag", reference, "production", "--by", "ops"]).Select(args => new FuzzCase(args))),
        Gen.Elements<string[]>(
            ["log", "note/alice", "--limit", "-1"], ["log", "note/alice", "--offset", "x"], ["diff", "note/alice@1", "note/alice@2", "--format", "bogus"],
            ["rollback", "note/alice", "--to", "0", "--by", "ops"], ["rollback", "note/alice", "--to", "9", "--by", "ops"],
            ["rollback", "note/alice", "--to", "1", "--by", "ops", "--expect", "1"], ["tag", "note/alice@1", "1bad", "--by", "ops"],
            ["merge", "note/alice", "--base", "9", "--ours", "1", "--theirs", "2"], ["prune", "note/alice", "--keep", "-3"],
            ["manifest", "--at", "not-a-time"], ["export", "$file"], ["import", "nowhere", "--by", "ops"], ["status", "nowhere"],
            ["verify", "--since", "nowhere.txt"], ["nosuchcommand"], ["save"], ["--store", "postgres://", "show", "note/alice"])
            .Select(args => new FuzzCase(args) { Files = new() { ["$file"] = "a file, not a directory"u8.ToArray() } }));

    /// <summary>One generated invocation: its arguments ("$file" and "$dir" stand for written inputs), stdin and environment.</summary>
    private sealed record FuzzCase(string[] Args, byte[]? Stdin = null)
    {
        public Dictionary<string, byte[]> Files { get; init; } = [];

        public Dictionary<string, string> Environment { get; init; } = [];

        public static FuzzCase Save(byte[] json) => new(["save", "--new-kind", "note", "fuzz", "$file", "--by", "ops"]) { Files = new() { ["$file"] = json } };

        public static FuzzCase Patch(string document, string patch) =>
            new(["patch", "$doc", "$patch"]) { Files = new() { ["$doc"] = Encoding.UTF8.GetBytes(document), ["$patch"] = Encoding.UTF8.GetBytes(patch) } };

        public override string ToString() =>
            $"verso {string.Join(' ', Args.Select(a => $"'{a}'"))}{(Files.Count > 0 ? " with " + string.Join(", ", Files.Select(f => $"{f.Key}={Convert.ToHexString(f.Value.Take(48).ToArray())}")) : "")}";
    }
}
