using System.Text;
using Verso.Files.Directories;
using Verso.Files.Tests.Support;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Versioning;

namespace Verso.Files.Tests.Directories;

public sealed class DirectoryImportTests
{
    [Fact]
    public async Task AnExportImportedIntoAnEmptyStoreGivesTheSameHeads()
    {
        using var source = await TestStore.CreateAsync();
        var count = await Seed.SamplesAsync(source.Service);
        await new DirectoryExporter(source.Service, source.Store).ExportAsync(source.Work());
        using var target = await TestStore.CreateAsync();

        var report = await new DirectoryImporter(target.Service).ImportAsync(source.Work(), new SaveOptions("importer") { Message = "from git" });

        Assert.Equal(count, report.Count(FileStatus.Created));
        await foreach (var head in source.Service.Store.ListAllHeadsAsync())
        {
            var imported = (await target.Service.Store.GetLatestAsync(head.Key))!;
            Assert.Equal(head.Hash, imported.Hash);
            Assert.Equal(VersionOperation.Import, imported.Operation);
            Assert.Equal("importer", imported.SavedBy);
            Assert.Equal("from git", imported.Message);
        }
    }

    [Fact]
    public async Task ReimportingCreatesNothingAndAnEditedFileCreatesExactlyOneVersion()
    {
        using var store = await TestStore.CreateAsync();
        var count = await Seed.SamplesAsync(store.Service);
        await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work());
        var importer = new DirectoryImporter(store.Service);

        var again = await importer.ImportAsync(store.Work(), new SaveOptions("importer"));
        var path = Path.Combine(store.Work(), "role", "qa-engineer.yaml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("name: QA engineer", "name: QA lead", StringComparison.Ordinal));
        var edited = await importer.ImportAsync(store.Work(), new SaveOptions("importer"));

        Assert.Equal(count, again.Count(FileStatus.Unchanged));
        var updated = Assert.Single(edited.Files, f => f.Status != FileStatus.Unchanged);
        Assert.Equal((FileStatus.Updated, "role/qa-engineer.yaml", 2), (updated.Status, updated.Path, updated.Version));
    }

    [Fact]
    public async Task EveryBadFileIsReportedOnItsOwnAndThenNoFileIsImported()
    {
        using var store = await TestStore.CreateAsync();
        var work = store.Work();
        var outside = store.Work("outside");
        File.WriteAllText(Path.Combine(outside, "evil.md"), "---\nid: evil\nname: Evil\nrole: x\n---\n");
        Write(work, "role/good.yaml", "id: good\nname: Good\n");
        Write(work, "role/x y.yaml", "id: x\nname: X\n");
        Write(work, "role/CON.yaml", "id: con\nname: Con\n");
        Write(work, "role/broken.yaml", "id: [\n");
        Write(work, "role/invalid.yaml", "id: invalid\nname: Invalid\nskills: many\n");
        Write(work, "role/notes.yml", "id: notes\n");
        Write(work, "role/nested/deep.yaml", "id: deep\nname: Deep\n");
        Write(work, "agent/twin.md", "---\nid: twin\nname: Twin\nrole: r\n---\n");
        Write(work, "agent/twin.yaml", "id: twin\nname: Twin\nrole: r\n");
        Write(work, "Agent/upper.yaml", "id: upper\n");
        Write(work, "README.md", "our org\n");
        Write(work, ".git/config", "[core]\n");
        Write(work, "role/.alice.yaml.swp", "swap");
        File.CreateSymbolicLink(Path.Combine(work, "agent", "evil.md"), Path.Combine(outside, "evil.md"));
        Directory.CreateSymbolicLink(Path.Combine(work, "prompt-profile"), outside);

        var report = await new DirectoryImporter(store.Service).ImportAsync(work, new SaveOptions("importer"));

        Assert.Equal(
            ["Agent/", "README.md", "agent/evil.md", "agent/twin.md", "agent/twin.yaml", "prompt-profile", "role/CON.yaml", "role/broken.yaml",
             "role/invalid.yaml", "role/nested/", "role/notes.yml", "role/x y.yaml"],
            report.Files.Where(f => f.Status == FileStatus.Invalid).Select(f => f.Path));
        Assert.All(report.Files.Where(f => f.Status == FileStatus.Invalid), f => Assert.False(string.IsNullOrWhiteSpace(f.Detail)));
        Assert.Contains("/skills", report.Files.Single(f => f.Path == "role/invalid.yaml").Detail, StringComparison.Ordinal);
        Assert.Contains("line 2", report.Files.Single(f => f.Path == "role/broken.yaml").Detail, StringComparison.Ordinal);
        Assert.Equal(FileStatus.Skipped, report.Files.Single(f => f.Path == "role/good.yaml").Status);
        Assert.Equal(0, (await store.Service.Store.GetStatisticsAsync()).Versions);
        Assert.Null(await store.Service.Store.GetLatestAsync(EntityKey.Create("agent", "evil")));
    }

    [Fact]
    public async Task ADirectoryThatDoesNotExistIsOneError()
    {
        using var store = await TestStore.CreateAsync();

        var error = await Assert.ThrowsAsync<Files.Errors.RecordFileException>(() =>
            new DirectoryImporter(store.Service).ImportAsync(Path.Combine(store.Work(), "nowhere"), new SaveOptions("importer")));

        Assert.Contains("no such directory", error.Message, StringComparison.Ordinal);
    }

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
    }
}
