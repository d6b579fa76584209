using Verso.Files.Directories;
using Verso.Files.Tests.Support;
using Verso.Naming;
using Verso.Versioning;

namespace Verso.Files.Tests.Directories;

public sealed class DirectoryStatusTests
{
    [Fact]
    public async Task AFreshExportHasNoDrift()
    {
        using var store = await TestStore.CreateAsync();
        var count = await Seed.SamplesAsync(store.Service);
        await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work());

        var report = await new DirectoryStatus(store.Service, store.Store).CompareAsync(store.Work());

        Assert.False(report.HasDrift);
        Assert.Equal(count, report.Count(FileStatus.Unchanged));
    }

    [Fact]
    public async Task ChangedNewMissingAndInvalidFilesAreEachReportedAndNothingIsWritten()
    {
        using var store = await TestStore.CreateAsync();
        await Seed.SamplesAsync(store.Service);
        await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work());
        var work = store.Work();
        var role = Path.Combine(work, "role", "qa-engineer.yaml");
        File.WriteAllText(role, File.ReadAllText(role).Replace("name: QA engineer", "name: QA lead", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(work, "role", "designer.yaml"), "id: designer\nname: Designer\n");
        File.Delete(Path.Combine(work, "agent", "sam.md"));
        File.WriteAllText(Path.Combine(work, "role", "bad.yaml"), "id: bad\n");
        var before = Seed.Files(work);
        var versions = (await store.Service.Store.GetStatisticsAsync()).Versions;

        var report = await new DirectoryStatus(store.Service, store.Store).CompareAsync(work);

        Assert.True(report.HasDrift);
        var drift = report.Files.Where(f => f.Status != FileStatus.Unchanged).Select(f => (f.Path, f.Status));
        Assert.Equal(
            [("agent/sam.md", FileStatus.Missing), ("role/bad.yaml", FileStatus.Invalid), ("role/designer.yaml", FileStatus.New), ("role/qa-engineer.yaml", FileStatus.Changed)],
            drift);
        Assert.Contains("role/qa-engineer@1", report.Files.Single(f => f.Status == FileStatus.Changed).Detail, StringComparison.Ordinal);
        Assert.Equal(before.Keys, Seed.Files(work).Keys);
        Assert.Equal(versions, (await store.Service.Store.GetStatisticsAsync()).Versions);
    }

    [Fact]
    public async Task AReformattedFileHoldingTheSameRecordIsUnchanged()
    {
        using var store = await TestStore.CreateAsync();
        await store.Service.SaveAsync(EntityKey.Create("runbook", "deploy"), """{"steps":["build","ship"],"owner":"ops"}"""u8.ToArray(), new SaveOptions("seed"));
        Directory.CreateDirectory(Path.Combine(store.Work(), "runbook"));
        File.WriteAllText(Path.Combine(store.Work(), "runbook", "deploy.yaml"), "# by hand\r\nowner: 'ops'\r\nsteps: [build, \"ship\"]\r\n");

        var report = await new DirectoryStatus(store.Service, store.Store).CompareAsync(store.Work());

        Assert.Equal(FileStatus.Unchanged, Assert.Single(report.Files).Status);
    }

    [Fact]
    public async Task StatusOfOneKindIgnoresTheOthers()
    {
        using var store = await TestStore.CreateAsync();
        await Seed.SamplesAsync(store.Service);
        await new DirectoryExporter(store.Service, store.Store).ExportAsync(store.Work(), kind: "role");

        Assert.True((await new DirectoryStatus(store.Service, store.Store).CompareAsync(store.Work())).HasDrift);
        Assert.False((await new DirectoryStatus(store.Service, store.Store).CompareAsync(store.Work(), kind: "role")).HasDrift);
    }
}
