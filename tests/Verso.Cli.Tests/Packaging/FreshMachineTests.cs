using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Verso.Cli.Tests.Support;
using Verso.Testing.Support;

namespace Verso.Cli.Tests.Packaging;

/// <summary>
/// A newcomer's first day: clone the repository from a local path (so SourceLink has no hosted origin), run
/// README's install command, <c>./install.sh</c>, which packs in Release and installs the tool (here into a tool
/// path of its own), and run the README's first-session commands from a directory that is not the repository.
/// With <c>VERSO_TEST_NATIVE_TOOL=1</c> it runs <c>./install.sh --native</c> instead, the NativeAOT tool (an AOT
/// compile: minutes, so not part of the default run); <c>VERSO_EXECUTABLE=TOOLS/verso</c> then runs the CLI suite
/// through that executable (README, "Install"). A second test packs every library and checks the feed they make.
/// </summary>
public sealed partial class FreshMachineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TheReadmesInstallCommandWorksInACloneOfALocalPathAndTheFirstSessionRunsFromAnyDirectory()
    {
        var clone = CloneOfTheWorkingTree();
        var tools = _temp.File("tools");
        var elsewhere = Directory.CreateDirectory(_temp.File("my-org")).FullName;
        var readme = File.ReadAllText(Path.Combine(clone, "README.md"));
        Assert.Contains("not published on the public NuGet gallery", readme, StringComparison.Ordinal);
        Assert.Contains("./install.sh", readme, StringComparison.Ordinal);

        var install = await RunAsync(clone, "sh", Native ? ["install.sh", "--native", "--tool-path", tools] : ["install.sh", "--tool-path", tools]);
        Assert.True(install.ExitCode == 0, install.ToString());
        // A Release pack: SourceLink ran (and did not fail on the file:// origin).
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(clone, "src", "Verso.Cli", "bin", "Release"), "verso.dll", SearchOption.AllDirectories));
        // Never a pointer package alone: every verso.* package the script wrote is installable together.
        var feed = Path.Combine(clone, "artifacts", "install");
        var packages = Directory.GetFiles(feed, "*.nupkg").Select(Identity).ToList();
        Assert.Equal(Native ? ["verso", "verso.any", "verso.linux-x64"] : ["verso"], packages.Order(StringComparer.Ordinal));
        // The native tool is one executable: no assembly for a runtime to load and JIT-compile.
        Assert.Equal(Native, Directory.GetFiles(tools, "verso.dll", SearchOption.AllDirectories).Length == 0);

        File.Copy(Path.Combine(clone, "samples", "agent-alice.json"), Path.Combine(elsewhere, "alice.json"));
        var verso = Path.Combine(tools, OperatingSystem.IsWindows() ? "verso.exe" : "verso");
        var session = FirstSession(readme);
        Assert.Equal(["init", "save", "show", "log"], session.Select(c => c[0]));
        var outputs = new List<CliResult>();
        foreach (var command in session)
        {
            var result = await RunAsync(elsewhere, verso, [.. command]);
            Assert.True(result.ExitCode == 0, $"verso {string.Join(' ', command)}\n{result}");
            outputs.Add(result);
        }

        Assert.True(File.Exists(Path.Combine(elsewhere, "verso.db")));
        Assert.Contains("Alice", outputs[2].Stdout, StringComparison.Ordinal);
        Assert.Contains("first charter", outputs[3].Stdout, StringComparison.Ordinal);

        // Run again (an update over the installed tool), it still succeeds: the script is safe to re-run after a pull.
        var again = await RunAsync(clone, "sh", Native ? ["install.sh", "--native", "--tool-path", tools] : ["install.sh", "--tool-path", tools]);
        Assert.True(again.ExitCode == 0, again.ToString());
    }

    [Fact]
    public async Task TheInstallScriptRefusesAnUnknownOptionInOneLine()
    {
        var result = await RunAsync(Repository.Root(), "sh", "install.sh", "--globl");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("install.sh: unknown option '--globl' (try --help)", result.Stderr.Trim());
    }

    [Fact]
    public async Task EveryLibraryPackageCarriesItsDocsAndFindsTheVersoPackagesItDependsOnInTheFeed()
    {
        var repository = Repository.Root();
        var feed = Directory.CreateDirectory(_temp.File("feed")).FullName;

        // A project no test references (Verso.Client) may never have been restored here; the traversal does not restore.
        foreach (var project in Directory.GetFiles(Path.Combine(repository, "src"), "*.csproj", SearchOption.AllDirectories)
                     .Where(p => !File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "obj", "project.assets.json"))))
        {
            var restore = await RunAsync(_temp.Path, "dotnet", "restore", project, "-nologo", "-v:q");
            Assert.True(restore.ExitCode == 0, restore.ToString());
        }

        var pack = await RunAsync(_temp.Path, "dotnet", "msbuild", WriteTraversal(repository, feed), "-t:PackAll", "-nologo", "-v:q");
        Assert.True(pack.ExitCode == 0, pack.ToString());
        var packages = Directory.GetFiles(feed, "*.nupkg").ToDictionary(Identity, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("verso", packages.Keys);
        foreach (var library in new[] { "Verso.Core", "Verso.Agents", "Verso.Files", "Verso.Storage.Relational", "Verso.Sqlite", "Verso.Postgres" })
        {
            Assert.Contains(library, packages.Keys);
        }

        // Every Verso package another one depends on is in the feed, at that version; and each carries its docs.
        foreach (var (id, file) in packages)
        {
            var (nuspec, entries) = Read(file);
            var ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;
            Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value), $"{id} has no description");
            Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
            Assert.Contains("README.md", entries);
            foreach (var dependency in metadata.Descendants(ns + "dependency").Where(d => d.Attribute("id")!.Value.StartsWith("Verso.", StringComparison.Ordinal)))
            {
                var needed = $"{dependency.Attribute("id")!.Value}.{dependency.Attribute("version")!.Value}.nupkg";
                Assert.True(File.Exists(Path.Combine(feed, needed)), $"{id} depends on {needed}, which the feed does not hold");
            }

            if (id != "verso")
            {
                Assert.Contains(entries, e => e.EndsWith($"{id}.xml", StringComparison.Ordinal));
            }
        }
    }

    // A clone of the repository by its local path, as `git clone /path/to/verso` makes it, with the working tree's
    // uncommitted changes copied over so the test checks the code under test rather than the last commit.
    private string CloneOfTheWorkingTree()
    {
        var repository = Repository.Root();
        var clone = _temp.File("clone");
        Git(_temp.Path, "clone", "--quiet", repository, clone);
        var changed = Git(repository, "ls-files", "--modified", "--others", "--exclude-standard", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        foreach (var file in changed)
        {
            var source = Path.Combine(repository, file);
            var target = Path.Combine(clone, file);
            if (File.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(source, target, overwrite: true);
            }
            else if (File.Exists(target))
            {
                File.Delete(target);
            }
        }

        return clone;
    }

    private static string Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEnd();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {stderr}");
        return stdout;
    }

    private static bool Native => Environment.GetEnvironmentVariable("VERSO_TEST_NATIVE_TOOL") == "1";

    // One MSBuild run over every src project: build (mostly up to date already) and pack each.
    private string WriteTraversal(string repository, string feed)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = _temp.File("pack.proj");
        File.WriteAllText(path, $"""
            <Project>
              <ItemGroup>
                <Packable Include="{repository}/src/*/*.csproj" />
              </ItemGroup>
              <Target Name="PackAll">
                <!-- The test run has just built most of them: their build is an up-to-date check. -->
                <MSBuild Projects="@(Packable)" Targets="Pack" Properties="Configuration={configuration};PackageOutputPath={feed}" />
              </Target>
            </Project>
            """);
        return path;
    }

    // The commands of the README's first session: the `verso …` lines of the block after the marker.
    private static List<string[]> FirstSession(string readme)
    {
        var start = readme.IndexOf("<!-- first-session -->", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no <!-- first-session --> block");
        var block = readme[start..];
        block = block[(block.IndexOf("```sh\n", StringComparison.Ordinal) + 6)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];
        return [.. block.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("verso ", StringComparison.Ordinal))
            .Select(l => Words().Matches(l.Split(" #")[0]).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Value).Skip(1).ToArray())];
    }

    [GeneratedRegex("\"([^\"]*)\"|[^\\s\"]+")]
    private static partial Regex Words();

    private static string Identity(string nupkg)
    {
        var (nuspec, _) = Read(nupkg);
        var ns = nuspec.Root!.Name.Namespace;
        return nuspec.Root.Element(ns + "metadata")!.Element(ns + "id")!.Value;
    }

    private static (XDocument Nuspec, List<string> Entries) Read(string nupkg)
    {
        using var zip = ZipFile.OpenRead(nupkg);
        var entry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/', StringComparison.Ordinal));
        using var stream = entry.Open();
        return (XDocument.Load(stream), [.. zip.Entries.Select(e => e.FullName)]);
    }

    private static async Task<CliResult> RunAsync(string directory, string program, params string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("VERSO_STORE");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliResult(process.ExitCode, Encoding.UTF8.GetBytes(await stdout), await stderr);
    }
}
