using Verso.Testing.Git;
using System.Globalization;
using Verso.Files.Git;
using Verso.Files.Tests.Git.Support;

namespace Verso.Files.Tests.Git;

public sealed class GitHistoryWalkerTests : IClassFixture<ScriptedHistoryFixture>
{
    private readonly ScriptedHistory _history;

    public GitHistoryWalkerTests(ScriptedHistoryFixture fixture) => _history = fixture.History;

    private static PathGlob[] Json => [PathGlob.Parse("agents/**/*.json")];

    [Fact]
    public async Task CommitsComeParentsFirstWithAMergedBranchRightBeforeItsMerge()
    {
        await using var repository = await GitRepository.OpenAsync(_history.Repository.Path);

        var commits = await new GitHistoryWalker(repository, Json).ListCommitsAsync();

        Assert.Equal(ScriptedHistory.WalkOrder.Select(name => _history.Commits[name]), commits.Select(c => c.Id));
    }

    [Fact]
    public async Task EachCommitCarriesItsAuthorAuthorDateSubjectAndParentsAsGitLogShowsThem()
    {
        await using var repository = await GitRepository.OpenAsync(_history.Repository.Path);

        var commits = await new GitHistoryWalker(repository, Json).ListCommitsAsync();

        foreach (var commit in commits)
        {
            var fields = _history.Repository.Git("log", "-1", "--format=%an%x00%ae%x00%at%x00%s%x00%P", commit.Id).TrimEnd('\n').Split('\0');
            Assert.Equal(fields[0], commit.AuthorName);
            Assert.Equal(fields[1], commit.AuthorEmail);
            Assert.Equal(long.Parse(fields[2], CultureInfo.InvariantCulture), commit.AuthorDate.ToUnixTimeSeconds());
            Assert.Equal(TimeSpan.Zero, commit.AuthorDate.Offset);
            Assert.Equal(fields[3], commit.Subject);
            Assert.Equal(fields[4].Split(' ', StringSplitOptions.RemoveEmptyEntries), commit.Parents);
        }

        Assert.Equal(TestAuthor.Zoe.SavedBy, commits.Single(c => c.Id == _history.Commits["c3"]).Author);
    }

    [Fact]
    public async Task EachCommitReportsTheFollowedFilesItChangedWithTheirBlobsOrTheirDeletion()
    {
        var team = ScriptedHistory.Team;
        var expected = new Dictionary<string, string[]>
        {
            ["c1"] = ["agents/alice.json", "agents/bob.json"],
            ["c2"] = ["agents/alice.json"],
            ["c3"] = ["agents/bad name.json", "-agents/bob.json", $"{team}/bob.json", $"{team}/dora.json"],
            ["m1"] = ["agents/alice.json"],
            ["f1"] = [$"{team}/bob.json"],
            ["f2"] = ["agents/erin.json"],
            // A clean merge brings nothing the branch's own commits did not report already.
            ["M1"] = [],
            ["c4"] = ["agents/alice.json"],
            ["c5"] = ["-agents/erin.json"],
            ["c6"] = ["agents/erin.json"],
            ["k1"] = ["agents/alice.json", $"{team}/bob.json"],
            ["c7"] = ["agents/alice.json"],
            // The resolved conflict, and the side the merge kept for bob.
            ["M2"] = ["agents/alice.json", $"{team}/bob.json"],
            ["c8"] = ["agents/dorothy.json", $"-{team}/dora.json"],
            ["c9"] = [],
        };
        await using var repository = await GitRepository.OpenAsync(_history.Repository.Path);
        var walker = new GitHistoryWalker(repository, Json);

        var walked = new List<GitCommitChanges>();
        await foreach (var commit in walker.WalkAsync(await walker.ListCommitsAsync()))
        {
            walked.Add(commit);
        }

        Assert.Equal(ScriptedHistory.WalkOrder.Count, walked.Count);
        foreach (var (commit, changes) in walked)
        {
            var name = _history.Commits.Single(c => c.Value == commit.Id).Key;
            Assert.Equal(expected[name], changes.Select(c => (c.Deleted ? "-" : "") + c.Path));
            foreach (var change in changes.Where(c => !c.Deleted))
            {
                Assert.Equal(_history.Repository.Git("rev-parse", $"{commit.Id}:{change.Path}").Trim(), change.BlobId);
            }
        }
    }

    [Fact]
    public async Task OnlyPathsMatchingAGlobAreFollowed()
    {
        await using var repository = await GitRepository.OpenAsync(_history.Repository.Path);
        var walker = new GitHistoryWalker(repository, [PathGlob.Parse("README.md"), PathGlob.Parse("agents/erin.json")]);

        var paths = new List<string>();
        await foreach (var commit in walker.WalkAsync(await walker.ListCommitsAsync()))
        {
            paths.AddRange(commit.Changes.Select(c => c.Path));
        }

        Assert.Equal(["README.md", "agents/erin.json", "agents/erin.json", "agents/erin.json", "README.md"], paths);
    }

    [Fact]
    public async Task AWalkerNeedsAGlob()
    {
        await using var repository = await GitRepository.OpenAsync(_history.Repository.Path);

        Assert.Throws<ArgumentException>(() => new GitHistoryWalker(repository, []));
    }

    [Fact]
    public async Task MergingMainIntoABranchReportsNoStaleContentOfMain()
    {
        using var repository = GitTestRepository.Create();
        var one = repository.Write("q.json", "1").Commit("q one", TestAuthor.Alice, ScriptedHistory.At(0));
        repository.Git("branch", "feature");
        var two = repository.Write("q.json", "2").Commit("q two", TestAuthor.Alice, ScriptedHistory.At(1));
        repository.Git("checkout", "-q", "feature");
        repository.Write("f.json", "f").Commit("feature work", TestAuthor.Bob, ScriptedHistory.At(2));
        repository.Merge("main", "Merge main into feature", TestAuthor.Bob, ScriptedHistory.At(3));
        repository.Git("checkout", "-q", "main");
        var three = repository.Write("q.json", "3").Commit("q three", TestAuthor.Alice, ScriptedHistory.At(4));
        repository.Merge("feature", "Merge feature", TestAuthor.Alice, ScriptedHistory.At(5));
        await using var opened = await GitRepository.OpenAsync(repository.Path);
        var walker = new GitHistoryWalker(opened, [PathGlob.Parse("q.json")]);

        var reports = new List<(string Subject, string? Blob)>();
        await foreach (var (commit, changes) in walker.WalkAsync(await walker.ListCommitsAsync()))
        {
            reports.AddRange(changes.Select(c => (commit.Subject, c.BlobId)));
        }

        // "Merge main into feature" took q from "q two"; "q three" was already walked and is newer.
        Assert.Equal(
            [("q one", Blob(one)), ("q two", Blob(two)), ("q three", Blob(three))],
            reports);

        string Blob(string commit) => repository.Git("rev-parse", $"{commit}:q.json").Trim();
    }

    [Fact]
    public async Task AnOctopusMergeWalksEachBranchBeforeItAndReportsOnlyItsOwnDecisions()
    {
        using var repository = GitTestRepository.Create();
        repository.Write("a.json", "0").Write("b.json", "0").Commit("base", TestAuthor.Alice, ScriptedHistory.At(0));
        repository.Git("checkout", "-q", "-b", "one");
        repository.Write("a.json", "1").Commit("one", TestAuthor.Bob, ScriptedHistory.At(1));
        repository.Git("checkout", "-q", "-b", "two", "main");
        repository.Write("b.json", "2").Commit("two", TestAuthor.Zoe, ScriptedHistory.At(2));
        repository.Git("checkout", "-q", "main");
        repository.Run(TestAuthor.Alice, ScriptedHistory.At(3), "merge", "-q", "--no-ff", "-m", "octopus", "one", "two");
        await using var opened = await GitRepository.OpenAsync(repository.Path);
        var walker = new GitHistoryWalker(opened, [PathGlob.Parse("*.json")]);

        var walked = new List<GitCommitChanges>();
        await foreach (var commit in walker.WalkAsync(await walker.ListCommitsAsync()))
        {
            walked.Add(commit);
        }

        Assert.Equal(["base", "one", "two", "octopus"], walked.Select(c => c.Commit.Subject));
        Assert.Equal(3, walked[^1].Commit.Parents.Length);
        Assert.Equal([2, 1, 1, 0], walked.Select(c => c.Changes.Length));
    }
}
