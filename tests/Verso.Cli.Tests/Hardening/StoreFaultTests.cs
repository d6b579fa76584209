using Microsoft.Data.Sqlite;
using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Hardening;

/// <summary>
/// Faults of the store file as users meet them (case 4 of the hardening issue, item 1 of the first-day
/// issue): each is one line naming the cause, exit 1, and the store's bytes are what they were.
/// </summary>
public sealed class StoreFaultTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Theory]
    [InlineData("text", "hello, I am a note\n")]
    [InlineData("json", "{\"agent\":\"alice\"}")]
    [InlineData("random", null)]
    [InlineData("header", "SQLite format 3\0garbage after the header")]
    public async Task AFileThatIsNotADatabaseIsNamedAsNotAVersoStoreAndLeftAsItWas(string what, string? content)
    {
        var path = _verso.PathOf($"{what}.json");
        var bytes = content is null ? RandomBytes(4096) : System.Text.Encoding.UTF8.GetBytes(content);
        await File.WriteAllBytesAsync(path, bytes);

        foreach (var command in new[] { "show agent/alice", "verify", "init", "log agent/alice" })
        {
            var result = await _verso.RunAsync(["--store", $"{what}.json", .. command.Split(' ')]);

            Assert.True(result.ExitCode == 1, $"{command}: {result}");
            Assert.Equal($"verso: {path} is not a Verso store (it is not a SQLite database)\n", result.Stderr);
        }

        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        Assert.False(File.Exists(path + "-wal") && new FileInfo(path + "-wal").Length > 0);
    }

    [Fact]
    public async Task InitRefusesToAddVersosTablesToAnotherApplicationsDatabase()
    {
        var path = _verso.PathOf("app.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('ada');";
            await command.ExecuteNonQueryAsync();
        }

        var before = await File.ReadAllBytesAsync(path);
        var init = await _verso.RunAsync("--store", "app.db", "init");
        var show = await _verso.RunAsync("--store", "app.db", "show", "agent/alice");

        Assert.Equal(1, init.ExitCode);
        Assert.Contains("is not a Verso store (it is a SQLite database of something else, with tables customers)", init.Stderr, StringComparison.Ordinal);
        CrashCaseTests.AssertOneLine(init);
        Assert.Equal(1, show.ExitCode);
        Assert.Contains("with tables customers", show.Stderr, StringComparison.Ordinal);
        SqliteConnection.ClearAllPools();
        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task InitOnADirectoryOrAMissingDirectorySaysSoInsteadOfRunInit()
    {
        System.IO.Directory.CreateDirectory(_verso.PathOf("folder"));

        var folder = await _verso.RunAsync("--store", "folder", "init");
        var missing = await _verso.RunAsync("--store", "nowhere/verso.db", "init");

        Assert.Equal(1, folder.ExitCode);
        Assert.Contains("is a directory; a SQLite store is a file", folder.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("cannot create", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("run 'verso init'", folder.Stderr + missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACorruptedPageIsReportedByVerifyAndEveryReadFailsInOneLine()
    {
        await _verso.InitializedAsync();
        for (var n = 0; n < 40; n++)
        {
            _verso.WriteFile("v.json", $$"""{"n":{{n}},"text":"{{new string('t', 300)}}"}""");
            await _verso.RunAsync("save", "--new-kind", "note", $"e{n % 5}", "v.json", "--by", "ops");
        }

        SqliteConnection.ClearAllPools();
        await CheckpointWalAsync(_verso.PathOf("verso.db"));
        var path = _verso.PathOf("verso.db");
        var bytes = await File.ReadAllBytesAsync(path);
        var pageSize = (bytes[16] << 8) | bytes[17];
        var pages = bytes.Length / pageSize;
        var free = FreePages(bytes, pageSize);
        var broken = 0;
        // Every page in use after the first (the header) in turn: whatever it holds, verify must not call it intact.
        // A page on the free list holds nothing, so damage there is no damage.
        for (var page = 1; page < pages; page++)
        {
            if (free.Contains(page + 1))
            {
                continue;
            }

            var damaged = (byte[])bytes.Clone();
            Array.Fill(damaged, (byte)0x5A, page * pageSize, pageSize);
            await File.WriteAllBytesAsync(path, damaged);
            SqliteConnection.ClearAllPools();

            var verify = await _verso.RunAsync("verify");
            var show = await _verso.RunAsync("show", "note/e1");

            Assert.True(verify.ExitCode == 1, $"page {page} of {pages}: {verify}");
            Assert.DoesNotContain("   at ", verify.Stderr + show.Stderr, StringComparison.Ordinal);
            Assert.True(show.ExitCode is 0 or 1 or 4, $"page {page}: {show}");
            Assert.All(show.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("verso: ", line, StringComparison.Ordinal));
            broken++;
        }

        Assert.True(broken >= 3, $"the store had only {pages} pages");
    }

    // The free list: trunk pages (next trunk, leaf count, leaf page numbers), from the header's first trunk (offset 32).
    private static HashSet<int> FreePages(byte[] file, int pageSize)
    {
        static int At(byte[] bytes, int offset) => (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
        var free = new HashSet<int>();
        for (var trunk = At(file, 32); trunk != 0 && free.Add(trunk);)
        {
            var start = (trunk - 1) * pageSize;
            for (var i = 0; i < At(file, start + 4); i++)
            {
                free.Add(At(file, start + 8 + (4 * i)));
            }

            trunk = At(file, start);
        }

        return free;
    }

    [Fact]
    public async Task ABlobStoredAsTextIsReadAsItsBytesNotACastError()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("v.json", """{"n":1}""");
        await _verso.RunAsync("save", "--new-kind", "note", "alice", "v.json", "--by", "ops");
        await using (var connection = new SqliteConnection($"Data Source={_verso.PathOf("verso.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE blobs SET content = CAST(content AS TEXT) || ' ';";
            await command.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        var show = await _verso.RunAsync("show", "note/alice");
        var verify = await _verso.RunAsync("verify");

        Assert.DoesNotContain("InvalidCast", show.Stderr + verify.Stderr, StringComparison.Ordinal);
        Assert.True(show.ExitCode is 0 or 1, show.ToString());
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("broken note/alice@1: its content does not hash to", verify.Stdout, StringComparison.Ordinal);
    }

    private static async Task CheckpointWalAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;";
        await command.ExecuteNonQueryAsync();
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(14).NextBytes(bytes);
        return bytes;
    }
}
