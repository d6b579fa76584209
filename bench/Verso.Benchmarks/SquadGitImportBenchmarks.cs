using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Verso.Agents.Kinds;
using Verso.Files.Git;
using Verso.Files.Squad;
using Verso.Model.Kinds;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Git;
using Verso.Versioning;

namespace Verso.Benchmarks;

/// <summary>
/// <c>verso import-git --squad</c>'s work over a generated team history (2,000 commits, 20 agents, a
/// decision on most commits, side branches merged back, a rebirth and reskills), into a fresh store each
/// time, next to <c>git log --raw</c> over the same repository: the floor of reading the history at all.
/// </summary>
[ShortRunJob]
public class SquadGitImportBenchmarks
{
    private GitTestRepository? _repository;
    private string _store = "";

    [Params(2000)]
    public int Commits { get; set; }

    [GlobalSetup]
    public void SetUp()
    {
        _repository = GitTestRepository.Create();
        SquadHistoryGenerator.Generate(_repository, Commits, agents: 20);
        Console.WriteLine($"// {_repository.Git("rev-list", "--count", "HEAD").Trim()} commits");
    }

    [GlobalCleanup]
    public void CleanUp() => _repository?.Dispose();

    [IterationSetup(Target = nameof(ImportIntoSqlite))]
    public void NewStore()
    {
        _store = Path.Combine(_repository!.Parent, $"verso-{Guid.NewGuid():N}.db");
    }

    [Benchmark(Baseline = true)]
    public long GitLogRaw()
    {
        var start = new ProcessStartInfo("git", ["log", "--raw", "--no-abbrev", "HEAD"]) { WorkingDirectory = _repository!.Path, RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        var length = 0L;
        var buffer = new char[64 * 1024];
        int read;
        while ((read = git.StandardOutput.Read(buffer)) > 0)
        {
            length += read;
        }

        git.WaitForExit();
        return length;
    }

    [Benchmark]
    public async Task<int> ImportIntoMemory() => await ImportAsync(new InMemoryVersionStore());

    [Benchmark]
    public async Task<int> ImportIntoSqlite()
    {
        var store = SqliteVersionStore.ForFile(_store);
        await store.InitializeAsync();
        return await ImportAsync(store);
    }

    /// <summary>The walk alone: every commit's followed files, as the planner receives them.</summary>
    [Benchmark]
    public async Task<int> WalkOnly()
    {
        await using var repository = await GitRepository.OpenAsync(_repository!.Path);
        var store = new InMemoryVersionStore();
        var service = new VersioningService(store, AgentKinds.RegisterAll(new KindRegistry()));
        var parts = SquadGitImport.Parts(service, store);
        var walker = new GitHistoryWalker(repository, parts.SelectMany(p => p.Paths));
        var commits = await walker.ListCommitsAsync();
        var n = 0;
        await foreach (var tree in walker.WalkAsync(commits))
        {
            n += tree.Files.Count;
        }

        return n;
    }

    /// <summary>Walk and plan (each tree's entities, the reporting rule, the steps' bytes), no parsing and no saves.</summary>
    [Benchmark]
    public async Task<int> PlanOnly()
    {
        await using var repository = await GitRepository.OpenAsync(_repository!.Path);
        var store = new InMemoryVersionStore();
        var service = new VersioningService(store, AgentKinds.RegisterAll(new KindRegistry()));
        var parts = SquadGitImport.Parts(service, store);
        var walker = new GitHistoryWalker(repository, parts.SelectMany(p => p.Paths));
        var commits = await walker.ListCommitsAsync();
        var n = 0;
        await foreach (var planned in new GitImportPlanner(repository, parts).PlanAsync(commits, walker.WalkAsync(commits)))
        {
            n += planned.Steps.Length;
        }

        return n;
    }

    private async Task<int> ImportAsync(IVersionStore store)
    {
        var service = new VersioningService(store, AgentKinds.RegisterAll(new KindRegistry()));
        var summary = await new GitHistoryImporter(service).ImportAsync(SquadGitImport.Request(_repository!.Path, service, store));
        return summary.TotalCreated;
    }
}
