using Verso.Testing.Git;
using System.Globalization;
using Verso.Documents.Canonical;
using Verso.Files.Git;
using Verso.Files.Tests.Git.Support;
using Verso.Model.Snapshots;
using Verso.Testing.Support;
using static Verso.Files.Tests.Git.Support.ImportHarness;

namespace Verso.Files.Tests.Git;

public sealed class GitHistoryImporterTests : IClassFixture<ScriptedHistoryFixture>
{
    private readonly ScriptedHistory _history;

    public GitHistoryImporterTests(ScriptedHistoryFixture fixture) => _history = fixture.History;

    private GitTestRepository Repository => _history.Repository;

    [Fact]
    public async Task EveryVersionIsTheCommitsContentAuthorDateAndSubjectAsGitShowsThem()
    {
        var service = InMemory();

        await ImportAsync(service, Repository.Path);

        foreach (var (id, commitNames) in ScriptedHistory.VersionsByEntity)
        {
            var versions = await VersionsAsync(service, id);
            Assert.Equal(commitNames.Select(name => _history.Commits[name]), versions.Select(v => v.Source?.Commit));
            foreach (var version in versions)
            {
                var source = version.Source!;
                var fields = Repository.Git("log", "-1", "--format=%an <%ae>%x00%at%x00%s", source.Commit).TrimEnd('\n').Split('\0');
                Assert.Equal(fields[0], version.SavedBy);
                Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[1], CultureInfo.InvariantCulture)), version.SavedAt);
                Assert.Equal(fields[2], version.Message);
                Assert.Equal(VersionOperation.Import, version.Operation);
                var inCommit = GitTestRepository.Run(Repository.Path, null, null, ["cat-file", "-e", $"{source.Commit}:{source.Path}"], allowFailure: true).ExitCode == 0;
                Assert.Equal(!source.Deleted, inCommit);
                var expected = source.Deleted ? "{}" : CanonicalJson.CreateDocument(Repository.GitBytes("show", $"{source.Commit}:{source.Path}")).ToString();
                Assert.Equal(expected, version.ContentText());
            }
        }
    }

    [Fact]
    public async Task EachEntitysLatestVersionIsItsFileAtHeadOrItsDeletion()
    {
        var service = InMemory();

        await ImportAsync(service, Repository.Path);

        var atHead = Repository.Git("ls-files", "-z", "--", ":(glob)agents/**/*.json").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !path.Contains(' ', StringComparison.Ordinal) || path.StartsWith(ScriptedHistory.Team, StringComparison.Ordinal))
            .ToDictionary(path => Path.GetFileNameWithoutExtension(path), path => CanonicalJson.CreateDocument(Repository.GitBytes("show", $"HEAD:{path}")).ToString());
        foreach (var id in ScriptedHistory.VersionsByEntity.Keys)
        {
            var head = (await VersionsAsync(service, id))[^1];
            Assert.Equal(atHead.TryGetValue(id, out var content) ? content : "{}", head.ContentText());
            Assert.Equal(!atHead.ContainsKey(id), head.Source!.Deleted);
        }
    }

    [Fact]
    public async Task BranchWorkIsAttributedToItsAuthorsAndMergesOnlyToWhatTheyDecided()
    {
        var service = InMemory();

        await ImportAsync(service, Repository.Path);

        var bob = await VersionsAsync(service, "bob");
        Assert.Equal(["Add alice, bob and the readme", "Feature: Bob learns Go", "Conflict: Bob's Alice", "Merge branch 'conflict'"], bob.Select(v => v.Message));
        Assert.Equal(TestAuthor.Bob.SavedBy, bob[1].SavedBy);
        Assert.Equal($"{ScriptedHistory.Team}/bob.json", bob[1].Source!.Path);
        var erin = await VersionsAsync(service, "erin");
        Assert.Equal(TestAuthor.Zoe.SavedBy, erin[0].SavedBy);
        Assert.Equal("Feature: add Erin", erin[0].Message);
    }

    [Fact]
    public async Task AFileEditedBackToAnEarlierContentIsANewVersionWithThatContent()
    {
        var service = InMemory();

        await ImportAsync(service, Repository.Path);

        var alice = await VersionsAsync(service, "alice");
        Assert.Equal(alice[1].Hash, alice[3].Hash);
        Assert.NotEqual(alice[2].Hash, alice[3].Hash);
        Assert.Equal("Back to Alice's second charter", alice[3].Message);
    }

    [Fact]
    public async Task AuthorDatesAreKeptEvenWhenEarlierThanTheHead()
    {
        var service = InMemory();

        await ImportAsync(service, Repository.Path);

        var dorothy = Assert.Single(await VersionsAsync(service, "dorothy"));
        var dora = await VersionsAsync(service, "dora");
        Assert.Equal(ScriptedHistory.At(-24).ToUniversalTime(), dorothy.SavedAt);
        Assert.True(dora[1].Source!.Deleted);
        Assert.True(dora[1].SavedAt < dora[0].SavedAt);
    }

    [Fact]
    public async Task TheSummaryCountsVersionsDeletionsAndSkippedFiles()
    {
        var service = InMemory();
        var progress = new Recorder();

        var summary = await ImportAsync(service, Repository.Path, progress);

        Assert.Equal(ScriptedHistory.WalkOrder.Count, summary.CommitsWalked);
        Assert.Equal(ScriptedHistory.VersionsByEntity.ToDictionary(e => $"{ImportHarness.Kind}/{e.Key}", e => e.Value.Length), summary.VersionsCreated);
        Assert.Equal(2, summary.Deletions);
        Assert.Equal(0, summary.AlreadyImported);
        var skip = Assert.Single(summary.Skipped);
        Assert.Equal("agents/bad name.json", skip.Path);
        var total = ScriptedHistory.WalkOrder.Count;
        Assert.Equal(Enumerable.Range(0, total + 1).Select(n => new GitImportProgress(n, total)), progress.Reports);
    }

    [Fact]
    public async Task RunningItAgainImportsNothingNew()
    {
        var service = InMemory();
        var first = await ImportAsync(service, Repository.Path);
        var before = await AllAsync(service);

        var second = await ImportAsync(service, Repository.Path);

        Assert.Equal(0, second.TotalCreated);
        Assert.Equal(first.TotalCreated + first.Unchanged, second.AlreadyImported);
        Assert.Equal(before, await AllAsync(service));
    }

    [Fact]
    public async Task ABareCloneImportsExactlyAsItsWorkTree()
    {
        var bare = Path.Combine(Repository.Parent, "bare-" + Guid.NewGuid().ToString("N") + ".git");
        GitTestRepository.Run(Repository.Parent, null, null, ["clone", "-q", "--bare", Repository.Path, bare], allowFailure: false);
        var fromWorkTree = InMemory();
        var fromBare = InMemory();

        await ImportAsync(fromWorkTree, Repository.Path);
        await ImportAsync(fromBare, bare);

        var expected = await AllAsync(fromWorkTree);
        var actual = await AllAsync(fromBare);
        Assert.Equal(expected, actual);
        Assert.Equal(expected.Select(s => s.Source), actual.Select(s => s.Source));
    }

    [Fact]
    public async Task ASqliteStoreGetsTheSameVersionsAndARunAgainImportsNothing()
    {
        using var directory = new TempDirectory();
        var sqlite = await SqliteAsync(directory.File("verso.db"));
        var memory = InMemory();
        try
        {
            await ImportAsync(memory, Repository.Path);
            await ImportAsync(sqlite, Repository.Path);
            var again = await ImportAsync(sqlite, Repository.Path);

            // Snapshot equality covers content, hash, saved_by, saved_at, message and operation.
            Assert.Equal(await AllAsync(memory), await AllAsync(sqlite));
            Assert.Equal(0, again.TotalCreated);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }

    [Fact]
    public async Task ARepositoryWithoutCommitsImportsNothing()
    {
        using var empty = GitTestRepository.Create();
        var service = InMemory();

        var summary = await ImportAsync(service, empty.Path);

        Assert.Equal(0, summary.CommitsWalked);
        Assert.Empty(await AllAsync(service));
    }
}
