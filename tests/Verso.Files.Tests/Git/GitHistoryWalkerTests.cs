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
    public async Task EachCommitsFilesAreExactlyWhatGitLsTreeListsForItAndForEachParent()
    {
        await using var repository = await GitRepository.OpenAsync(_history.Repository.Path);
        var walker = new GitHistoryWalker(repository, Json);

        var walked = new List<GitCommitTree>();
        await foreach (var tree in walker.WalkAsync(await walker.ListCommitsAsync()))
        {
            walked.Add(tree);
        }

        Assert.Equal(ScriptedHistory.WalkOrder.Count, walked.Count);
        foreach (var tree in walked)
        {
            Assert.Equal(LsTree(tree.Commit.Id), tree.Files.Select(f => (f.Key, f.Value)));
            Assert.Equal(tree.Commit.Parents.Length, tree.ParentFiles.Length);
            for (var i = 0; i < tree.Commit.Parents.Length; i++)
            {
                Assert.Equal(LsTree(tree.Commit.Parents[i]), tree.ParentFiles[i].Select(f => (f.Key, f.Value)));
            }
        }

        // "c3" moved bob into the team folder: its own tree has the new path only, whatever a branch had.
        var c3 = walked.Single(t => t.Commit.Id == _history.Commits["c3"]);
        Assert.DoesNotContain("agents/bob.json", c3.Files.Keys);
        Assert.Contains($"{ScriptedHistory.Team}/bob.json", c3.Files.Keys);
    }

    [Fact]
    public async Task OnlyPathsMatchingAGlobAreFollowed()
    {
        await using var repository = await GitRepository.OpenAsync(_history.Repository.Path);
        var walker = new GitHistoryWalker(repository, [PathGlob.Parse("README.md"), PathGlob.Parse("agents/erin.json")]);

        var paths = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var tree in walker.WalkAsync(await walker.ListCommitsAsync()))
        {
            paths.UnionWith(tree.Files.Keys);
        }

        Assert.Equal(["README.md", "agents/erin.json"], paths);
    }

    [Fact]
    public async Task AWalkerNeedsAGlob()
    {
        await using var repository = await GitRepository.OpenAsync(_history.Repository.Path);

        Assert.Throws<ArgumentException>(() => new GitHistoryWalker(repository, []));
    }

    [Fact]
    public async Task MergingMainIntoABranchPlansNoStaleContentOfMain()
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
        var plan = await PlanAsync(repository, "q.json");
        var reports = plan.SelectMany(p => p.Steps.Select(s => (p.Commit.Subject, (string?)System.Text.Encoding.UTF8.GetString(s.Content.Span)))).ToList();

        // "Merge main into feature" took q from "q two"; "q three" was already walked and is newer.
        Assert.Equal(
            [("q one", Show(one)), ("q two", Show(two)), ("q three", Show(three))],
            reports);

        string Show(string commit) => repository.Git("show", $"{commit}:q.json");
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
        var walked = await PlanAsync(repository, "*.json");

        Assert.Equal(["base", "one", "two", "octopus"], walked.Select(c => c.Commit.Subject));
        Assert.Equal(3, walked[^1].Commit.Parents.Length);
        Assert.Equal([2, 1, 1, 0], walked.Select(c => c.Steps.Length));
    }

    private static async Task<List<GitPlannedCommit>> PlanAsync(GitTestRepository repository, params string[] globs)
    {
        await using var opened = await GitRepository.OpenAsync(repository.Path);
        var walker = new GitHistoryWalker(opened, globs.Select(PathGlob.Parse));
        var commits = await walker.ListCommitsAsync();
        var plan = new List<GitPlannedCommit>();
        await foreach (var planned in new GitImportPlanner(opened, "note", EntityIdRule.FileName).PlanAsync(commits, walker.WalkAsync(commits)))
        {
            plan.Add(planned);
        }

        return plan;
    }

    private List<(string, string)> LsTree(string commit) =>
        [.. _history.Repository.Git("ls-tree", "-r", "-z", "--full-tree", commit).Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => (Path: entry[(entry.IndexOf('\t') + 1)..], Blob: entry.Split(' ')[2].Split('\t')[0]))
            .Where(f => Json.Any(g => g.IsMatch(f.Path)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)];
}
