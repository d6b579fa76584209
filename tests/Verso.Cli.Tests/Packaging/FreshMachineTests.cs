using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Verso.Cli.Tests.Support;
using Verso.Testing.Support;

namespace Verso.Cli.Tests.Packaging;

/// <summary>
/// A newcomer's first day: pack the tool and the libraries into a feed of their own, install the tool
/// from it into a tool path of its own, and run the README's first-session commands from a directory that
/// is not the repository. One test, since packing is slow; it builds only the src projects not built yet.
/// It packs the framework-dependent tool; with <c>VERSO_TEST_NATIVE_TOOL=1</c> it packs and installs the
/// NativeAOT tool users get on linux-x64 instead (an AOT compile: minutes, so not part of the default run).
/// </summary>
public sealed partial class FreshMachineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task TheReadmesFirstSessionWorksWithTheInstalledToolFromAnyDirectory()
    {
        var repository = Repository.Root();
        var feed = Directory.CreateDirectory(_temp.File("feed")).FullName;
        var tools = _temp.File("tools");
        var elsewhere = Directory.CreateDirectory(_temp.File("my-org")).FullName;

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

        var version = Path.GetFileNameWithoutExtension(packages["verso"])["verso.".Length..];
        var install = await RunAsync(_temp.Path, "dotnet", "tool", "install", "verso", "--tool-path", tools, "--add-source", feed, "--version", version);
        Assert.True(install.ExitCode == 0, install.ToString());
        // The native tool is one executable: no assembly for a runtime to load and JIT-compile.
        Assert.Equal(Native, Directory.GetFiles(tools, "verso.dll", SearchOption.AllDirectories).Length == 0);

        File.Copy(Path.Combine(repository, "samples", "agent-alice.json"), Path.Combine(elsewhere, "alice.json"));
        var verso = Path.Combine(tools, OperatingSystem.IsWindows() ? "verso.exe" : "verso");
        var session = FirstSession(File.ReadAllText(Path.Combine(repository, "README.md")));
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
    }

    private static bool Native => Environment.GetEnvironmentVariable("VERSO_TEST_NATIVE_TOOL") == "1";

    // One MSBuild run over every src project: pack what is built, build and pack what is not.
    private string WriteTraversal(string repository, string feed)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        // The default run packs the framework-dependent tool alone; the native run adds the tool's linux-x64 package.
        var tool = Native ? "" : ";VersoNativeTool=false";
        var native = Native
            ? $"""<MSBuild Projects="{repository}/src/Verso.Cli/Verso.Cli.csproj" Targets="Pack" Properties="Configuration={configuration};PackageOutputPath={feed};RuntimeIdentifier=linux-x64" />"""
            : "";
        var path = _temp.File("pack.proj");
        File.WriteAllText(path, $"""
            <Project>
              <ItemGroup>
                <Packable Include="{repository}/src/*/*.csproj" />
              </ItemGroup>
              <Target Name="PackAll">
                <!-- The test run has just built the projects it references: pack those as built, build the rest. -->
                <MSBuild Projects="%(Packable.Identity)" Targets="Pack" Properties="Configuration={configuration};PackageOutputPath={feed};NoBuild=true{tool}"
                         Condition="Exists('%(Packable.RootDir)%(Packable.Directory)bin/{configuration}/net10.0/')" />
                <MSBuild Projects="%(Packable.Identity)" Targets="Pack" Properties="Configuration={configuration};PackageOutputPath={feed}{tool}"
                         Condition="!Exists('%(Packable.RootDir)%(Packable.Directory)bin/{configuration}/net10.0/')" />
                {native}
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
