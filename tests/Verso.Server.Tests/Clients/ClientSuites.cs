using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Verso.Server.Tests.Clients;

/// <summary>
/// The Python and TypeScript clients, installed from the repository without a registry and run with their own
/// test runners against a real <c>verso serve</c>, once per store.
/// </summary>
public abstract partial class ClientSuites
{
    /// <summary>The store the server under test serves: a PostgreSQL URI, or null for a fresh SQLite file.</summary>
    protected abstract Task<string?> StoreAsync();

    [Fact]
    public async Task ThePythonPackageInstallsOfflineAndPassesItsSuiteAndTheSeedPlatformConformance()
    {
        await using var server = await ClientSuiteServer.StartAsync(await StoreAsync());
        var package = Path.Combine(ClientSuiteServer.Root, "clients", "python");
        var site = Path.Combine(server.Scratch, "site");

        var install = await ClientSuiteServer.RunAsync("python3", server.Scratch,
            ["-m", "pip", "install", "--no-build-isolation", "--no-index", "--no-deps", "--disable-pip-version-check", "--target", site, package]);
        Assert.True(install.ExitCode == 0, $"pip install exited with {install.ExitCode}:\n{install.Output}");
        Assert.True(File.Exists(Path.Combine(site, "verso_client", "synthorg.py")), install.Output);

        // Only the installed package is importable (PYTHONPATH=site), so the suite tests what pip installed.
        var tests = Path.Combine(package, "tests");
        var run = await server.RunClientAsync("env", server.Scratch, $"PYTHONPATH={site}", "python3", "-m", "unittest", "discover", "-s", tests, "-t", tests, "-v");

        Assert.True(run.ExitCode == 0, $"the Python suite exited with {run.ExitCode}:\n{run.Output}");
        Assert.DoesNotContain("skipped", run.Output, StringComparison.Ordinal);
        var ran = int.Parse(RanTests().Match(run.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(ran >= 20, run.Output);
        Assert.Contains("RepositoryConformance", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTypeScriptPackageBuildsOnTheServedDocumentPacksAndPassesItsSuite()
    {
        var tools = Path.Combine(ClientSuiteServer.Root, "tests", "clients", "node_modules");
        Assert.True(Directory.Exists(tools), "tests/clients has no node_modules: run .ci/run (or npm install in tests/clients)");
        await using var server = await ClientSuiteServer.StartAsync(await StoreAsync());
        var package = Path.Combine(server.Scratch, "typescript");
        CopyPackage(Path.Combine(ClientSuiteServer.Root, "clients", "typescript"), package);
        Directory.CreateSymbolicLink(Path.Combine(package, "node_modules"), tools);
        using (var http = new HttpClient())
        {
            await File.WriteAllTextAsync(Path.Combine(package, "openapi.json"), await http.GetStringAsync(server.BaseUrl + "/openapi/v1.json"));
        }

        // The types come from the document this server serves: a wrapper that no longer fits it fails to compile.
        var generate = await ClientSuiteServer.RunAsync("npx", package, ["--no-install", "openapi-typescript", "openapi.json", "-o", "src/schema.d.ts"]);
        Assert.True(generate.ExitCode == 0, $"openapi-typescript exited with {generate.ExitCode}:\n{generate.Output}");
        var build = await ClientSuiteServer.RunAsync("npm", package, ["run", "build"]);
        Assert.True(build.ExitCode == 0, $"npm run build exited with {build.ExitCode}:\n{build.Output}");
        var run = await server.RunClientAsync("node", package, "--test", "test/");
        var pack = await ClientSuiteServer.RunAsync("npm", package, ["pack", "--ignore-scripts"]);

        Assert.True(run.ExitCode == 0, $"the TypeScript suite exited with {run.ExitCode}:\n{run.Output}");
        Assert.Contains("# fail 0", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"# pass ([7-9]|\d\d)", run.Output);
        Assert.True(pack.ExitCode == 0, $"npm pack exited with {pack.ExitCode}:\n{pack.Output}");
        Assert.Contains("package/dist/index.js", await TarballEntriesAsync(Path.Combine(package, "verso-client-0.1.0.tgz")));
        Assert.Contains("package/dist/schema.d.ts", await TarballEntriesAsync(Path.Combine(package, "verso-client-0.1.0.tgz")));
    }

    [GeneratedRegex(@"Ran (\d+) tests?")]
    private static partial Regex RanTests();

    private static void CopyPackage(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.StartsWith("node_modules", StringComparison.Ordinal) || relative.StartsWith("dist", StringComparison.Ordinal) || relative.EndsWith(".tgz", StringComparison.Ordinal))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(to, relative))!);
            File.Copy(file, Path.Combine(to, relative));
        }
    }

    private static async Task<List<string>> TarballEntriesAsync(string path)
    {
        var names = new List<string>();
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        await using var reader = new TarReader(gzip);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }
}
