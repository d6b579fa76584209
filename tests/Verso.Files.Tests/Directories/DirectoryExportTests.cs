using System.Text;
using Verso.Files.Directories;
using Verso.Files.Tests.Support;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Files.Tests.Directories;

public sealed class DirectoryExportTests
{
    [Fact]
    public async Task ExportingTheSameStoreTwiceGivesIdenticalBytes()
    {
        using var store = await TestStore.CreateAsync();
        await Seed.SamplesAsync(store.Service);
        var exporter = new DirectoryExporter(store.Service, store.Store);

        await exporter.ExportAsync(store.Work("first"));
        await exporter.ExportAsync(store.Work("second"));

        var first = Seed.Files(store.Work("first"));
        var second = Seed.Files(store.Work("second"));
        Assert.Equal(first.Keys, second.Keys);
        Assert.All(first, file => Assert.Equal(file.Value, second[file.Key]));
    }

    [Fact]
    public async Task EachHeadIsWrittenInItsKindFolderAndTheManifestListsThem()
    {
        using var store = await TestStore.CreateAsync();
        var count = await Seed.SamplesAsync(store.Service);
        await store.Service.SaveAsync(EntityKey.Create("agent", "alice"), Samples.Canonical(Edited("alice")), new SaveOptions("seed"));

        var report = await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work());

        var files = Seed.Files(store.Work());
        Assert.Equal(count, report.Count(FileStatus.Written));
        Assert.Contains("agent/alice.md", files.Keys);
        Assert.Contains("workflow/feature-delivery.yaml", files.Keys);
        Assert.Contains("verso-manifest.yaml", files.Keys);
        Assert.DoesNotContain(files, f => f.Value.Contains((byte)'\r') && f.Key != "agent/alice.md");
        var manifest = Encoding.UTF8.GetString(files["verso-manifest.yaml"]);
        var alice = (await store.Service.Store.GetLatestAsync(EntityKey.Create("agent", "alice")))!;
        Assert.StartsWith("format: verso-export/1\nfiles:\n- file: agent/alice.md\n  kind: agent\n  id: alice\n  version: 2\n", manifest, StringComparison.Ordinal);
        Assert.Contains($"  hash: {alice.Hash}\n", manifest, StringComparison.Ordinal);
        Assert.Equal(count, manifest.Split("- file: ").Length - 1);
    }

    [Fact]
    public async Task ExportingAgainLeavesFilesThatHoldTheHeadAndNeverDeletesOthers()
    {
        using var store = await TestStore.CreateAsync();
        var count = await Seed.SamplesAsync(store.Service);
        var exporter = new DirectoryExporter(store.Service, store.Store);
        await exporter.ExportAsync(store.Work());
        File.WriteAllText(Path.Combine(store.Work(), "agent", "stranger.md"), "not a head");
        File.WriteAllText(Path.Combine(store.Work(), "README.md"), "our charters");

        var again = await exporter.ExportAsync(store.Work());

        Assert.Equal(count, again.Count(FileStatus.Unchanged));
        Assert.Equal("not a head", File.ReadAllText(Path.Combine(store.Work(), "agent", "stranger.md")));
        Assert.True(File.Exists(Path.Combine(store.Work(), "README.md")));
    }

    [Fact]
    public async Task AFileHoldingTheRecordLastWrittenIsReplacedWhenTheHeadMovesButAnEditedOneStopsTheWholeExport()
    {
        using var store = await TestStore.CreateAsync();
        await Seed.SamplesAsync(store.Service);
        var exporter = new DirectoryExporter(store.Service, store.Store);
        await exporter.ExportAsync(store.Work());
        var alice = Path.Combine(store.Work(), "agent", "alice.md");
        var role = Path.Combine(store.Work(), "role", "qa-engineer.yaml");
        // Only formatting changes: the same record, so still what the export wrote.
        File.WriteAllText(role, File.ReadAllText(role) + "\n\n");
        await store.Service.SaveAsync(EntityKey.Create("agent", "alice"), Samples.Canonical(Edited("alice")), new SaveOptions("seed"));

        var moved = await exporter.ExportAsync(store.Work());

        Assert.Equal(FileStatus.Written, moved.Files.Single(f => f.Path == "agent/alice.md").Status);
        Assert.Equal(FileStatus.Written, moved.Files.Single(f => f.Path == "role/qa-engineer.yaml").Status);

        File.WriteAllText(role, File.ReadAllText(role).Replace("name: QA engineer", "name: QA lead", StringComparison.Ordinal));
        File.Delete(alice);
        var edited = File.ReadAllBytes(role);

        var refused = await Assert.ThrowsAsync<Errors.HandEditsException>(() => exporter.ExportAsync(store.Work()));

        Assert.Equal("role/qa-engineer.yaml", Assert.Single(refused.Files));
        Assert.False(File.Exists(alice), "a refused export writes nothing, not even the files it could have written");
        Assert.Equal(edited, File.ReadAllBytes(role));
    }

    [Fact]
    public async Task OneKindCanBeExportedAlone()
    {
        using var store = await TestStore.CreateAsync();
        await Seed.SamplesAsync(store.Service);

        var report = await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work(), kind: "role");

        Assert.All(report.Files, f => Assert.StartsWith("role/", f.Path, StringComparison.Ordinal));
        Assert.Equal(["role", "verso-manifest.yaml"], Directory.EnumerateFileSystemEntries(store.Work()).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("agent/../../x")]
    [InlineData("")]
    [InlineData(".git")]
    [InlineData("a\0b")]
    [InlineData("Agent")]
    public async Task AHostileKindIsRefusedBeforeAnythingIsWritten(string kind)
    {
        using var store = await TestStore.CreateAsync();
        var target = Path.Combine(store.Work(), "export");

        await Assert.ThrowsAsync<Verso.Errors.InvalidNameException>(() => new DirectoryExporter(store.Service, store.Store).ExportAsync(target, kind));
        await Assert.ThrowsAsync<Verso.Errors.InvalidNameException>(() => new DirectoryImporter(store.Service).ImportAsync(store.Work(), new SaveOptions("x"), kind));
        await Assert.ThrowsAsync<Verso.Errors.InvalidNameException>(() => new DirectoryStatus(store.Service, store.Store).CompareAsync(store.Work(), kind));

        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task AnIdThatIsAWindowsDeviceNameIsReportedAndNotWritten()
    {
        using var store = await TestStore.CreateAsync();
        await store.Service.SaveAsync(EntityKey.Create("runbook", "con"), """{"steps":[]}"""u8.ToArray(), new SaveOptions("seed"));
        await store.Service.SaveAsync(EntityKey.Create("runbook", "deploy"), """{"steps":[]}"""u8.ToArray(), new SaveOptions("seed"));

        var report = await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work());

        var refused = Assert.Single(report.Files, f => f.Status == FileStatus.Invalid);
        Assert.Contains("Windows reserves it", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(["runbook/deploy.yaml", "verso-manifest.yaml"], Seed.Files(store.Work()).Keys);
        Assert.DoesNotContain("con", File.ReadAllText(Path.Combine(store.Work(), "verso-manifest.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdsThatDifferOnlyByCaseAreNotBothWrittenSinceACheckoutWouldMergeThem()
    {
        using var store = await TestStore.CreateAsync();
        await store.Service.SaveAsync(EntityKey.Create("runbook", "Deploy"), """{"steps":["a"]}"""u8.ToArray(), new SaveOptions("seed"));
        await store.Service.SaveAsync(EntityKey.Create("runbook", "deploy"), """{"steps":["b"]}"""u8.ToArray(), new SaveOptions("seed"));

        var report = await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work());

        var refused = Assert.Single(report.Files, f => f.Status == FileStatus.Invalid);
        Assert.Equal(("runbook/deploy.yaml", "deploy"), (refused.Path, refused.Key!.Id));
        Assert.Contains("differs from runbook/Deploy.yaml only by case", refused.Detail, StringComparison.Ordinal);
        Assert.Equal(["runbook/Deploy.yaml", "verso-manifest.yaml"], Seed.Files(store.Work()).Keys);
    }

    [Fact]
    public async Task NothingIsWrittenThroughAKindFolderThatIsASymbolicLink()
    {
        using var store = await TestStore.CreateAsync();
        await Seed.SamplesAsync(store.Service);
        var outside = store.Work("outside");
        Directory.CreateSymbolicLink(Path.Combine(store.Work(), "agent"), outside);

        var report = await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work());

        Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        Assert.All(report.Files.Where(f => f.Key!.Kind == "agent"), f => Assert.Equal(FileStatus.Invalid, f.Status));
        Assert.Contains(report.Files, f => f.Key!.Kind == "role" && f.Status == FileStatus.Written);
    }

    [Fact]
    public async Task AFileThatIsASymbolicLinkIsNotWrittenThrough()
    {
        using var store = await TestStore.CreateAsync();
        await Seed.SamplesAsync(store.Service);
        var target = Path.Combine(store.Work("outside"), "precious.txt");
        File.WriteAllText(target, "keep me");
        Directory.CreateDirectory(Path.Combine(store.Work(), "agent"));
        File.CreateSymbolicLink(Path.Combine(store.Work(), "agent", "alice.md"), target);

        var report = await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work());

        Assert.Equal("keep me", File.ReadAllText(target));
        Assert.Equal(FileStatus.Invalid, Assert.Single(report.Files, f => f.Path == "agent/alice.md").Status);
    }

    [Fact]
    public void AHeadRecordingADeletedFileOrAnErasureStandsForNoFile()
    {
        var content = Some.Json("{}");
        Snapshot Head(VersionOperation operation, VersionSource? source) =>
            new(EntityKey.Create("runbook", "gone"), 2, content.Hash, content.Utf8, "git", Some.Instant, null, operation, 1) { Source = source };

        Assert.True(DirectoryExporter.IsPresent(Head(VersionOperation.Import, new VersionSource(new string('a', 40), "runbook/gone.yaml"))));
        Assert.False(DirectoryExporter.IsPresent(Head(VersionOperation.Import, new VersionSource(new string('a', 40), "runbook/gone.yaml", Deleted: true))));
        Assert.False(DirectoryExporter.IsPresent(Head(VersionOperation.Erase, null)));
    }

    private static System.Text.Json.Nodes.JsonObject Edited(string id)
    {
        var record = Samples.Node("agent", id);
        record["charter"] = record["charter"]!.GetValue<string>() + "\n## Added\n- one more rule\n";
        return record;
    }
}
