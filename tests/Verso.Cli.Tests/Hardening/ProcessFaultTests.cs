using Verso.Cli.Tests.Support;

namespace Verso.Cli.Tests.Hardening;

/// <summary>
/// Faults only a real process meets: a read-only store file and directory (as an unprivileged user; when the
/// tests run as root, verso is run as nobody), and a full disk (a file-size limit set by the shell). Each
/// is one line with exit 1, and the store's bytes are what they were.
/// </summary>
public sealed class ProcessFaultTests : IDisposable
{
    private readonly VersoRunner _verso = new();

    public void Dispose() => _verso.Dispose();

    [Fact]
    public async Task AReadOnlyStoreFileAndDirectorySayReadOnlyForWritesAndReads()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await SeedAsync();
        var path = _verso.PathOf("verso.db");
        var before = await File.ReadAllBytesAsync(path);
        var root = Environment.UserName == "root";
        var wrapper = root ? new[] { "setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups" } : [];
        if (!root)
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            File.SetUnixFileMode(_verso.Directory.Path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }

        try
        {
            _verso.WriteFile("v2.json", """{"n":2}""");
            var save = await VersoProcess.RunWrappedAsync(wrapper, _verso.Directory.Path, null, "save", "--new-kind", "note", "alice", "v2.json", "--by", "ops");
            var show = await VersoProcess.RunWrappedAsync(wrapper, _verso.Directory.Path, null, "show", "note/alice");
            var init = await VersoProcess.RunWrappedAsync(wrapper, _verso.Directory.Path, null, "--store", "fresh.db", "init");

            Assert.Equal(1, save.ExitCode);
            Assert.Contains("is read-only", save.Stderr, StringComparison.Ordinal);
            CrashCaseTests.AssertOneLine(save);
            Assert.True(show.ExitCode is 0 or 1, show.ToString());
            Assert.Equal(1, init.ExitCode);
            Assert.Contains("cannot create", init.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("run 'verso init'", init.Stderr, StringComparison.Ordinal);
            CrashCaseTests.AssertOneLine(init);
            Assert.All(show.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.StartsWith("verso: ", line, StringComparison.Ordinal));
        }
        finally
        {
            if (!root)
            {
                File.SetUnixFileMode(_verso.Directory.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        Assert.Equal(before, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task AFullDiskIsOneLineAndTheStoreStaysIntact()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        await SeedAsync();
        // Text that compression cannot shrink below the limit: the store keeps zstd frames when they are smaller.
        var random = new Random(7);
        var text = new string([.. Enumerable.Range(0, 1_000_000).Select(_ => (char)random.Next('!', '~'))]).Replace("\\", "!").Replace("\"", "!");
        _verso.WriteFile("big.json", "{\"text\":\"" + text + "\"}");
        // 200 KiB per file: the write-ahead log cannot take the megabyte. SIGXFSZ is ignored so the write fails
        // instead of killing the process; W^X double mapping is off because the runtime maps files for it.
        string[] wrapper = ["bash", "-c", "ulimit -f 200; trap '' XFSZ; exec \"$@\"", "bash"];
        var environment = new Dictionary<string, string> { ["DOTNET_EnableWriteXorExecute"] = "0" };

        var save = await VersoProcess.RunWrappedAsync(wrapper, _verso.Directory.Path, environment, "save", "--new-kind", "note", "big", "big.json", "--by", "ops");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var verify = await _verso.RunAsync("verify");

        Assert.Equal(1, save.ExitCode);
        Assert.Contains("nothing was saved", save.Stderr, StringComparison.Ordinal);
        CrashCaseTests.AssertOneLine(save);
        Assert.Equal(0, verify.ExitCode);
        Assert.Equal(1, await _verso.VersionCountAsync());
    }

    private async Task SeedAsync()
    {
        await _verso.InitializedAsync();
        _verso.WriteFile("v1.json", """{"n":1}""");
        Assert.Equal(0, (await _verso.RunAsync("save", "--new-kind", "note", "alice", "v1.json", "--by", "ops")).ExitCode);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
