using Verso.Testing.Git;
using System.Text;
using Verso.Documents.Canonical;
using Verso.Files.Git;
using Verso.Files.Tests.Git.Support;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Testing.Support;
using Verso.Versioning;
using static Verso.Files.Tests.Git.Support.ImportHarness;

namespace Verso.Files.Tests.Git;

/// <summary>Imports that run more than once, over a history that grows or after a run that stopped.</summary>
public sealed class GitImportRerunTests
{
    [Fact]
    public async Task NewCommitsAreAllARunAfterTheirsImports()
    {
        using var history = ScriptedHistory.Build();
        var service = InMemory();
        await ImportAsync(service, history.Repository.Path);
        var aliceBefore = (await VersionsAsync(service, "alice")).Count;
        var commit = history.Repository.Write("agents/alice.json", """{"name": "Alice", "rev": 9}""")
            .Write("agents/frank.json", """{"name": "Frank"}""")
            .Commit("Alice again, and Frank", TestAuthor.Bob, ScriptedHistory.At(20));

        var summary = await ImportAsync(service, history.Repository.Path);

        Assert.Equal(new Dictionary<string, int> { ["note/alice"] = 1, ["note/frank"] = 1 }, summary.VersionsCreated);
        var alice = await VersionsAsync(service, "alice");
        Assert.Equal(aliceBefore + 1, alice.Count);
        Assert.Equal(commit, alice[^1].Source!.Commit);
    }

    [Fact]
    public async Task AStoppedImportRunAgainEndsAsOneThatNeverStopped()
    {
        using var history = ScriptedHistory.Build();
        var whole = InMemory();
        await ImportAsync(whole, history.Repository.Path);
        var stopped = InMemory();
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            ImportAsync(stopped, history.Repository.Path, new Recorder(p => { if (p.CommitsWalked == 9) stop.Cancel(); }), stop.Token));
        var partly = (await AllAsync(stopped)).Length;
        var resumed = await ImportAsync(stopped, history.Repository.Path);

        Assert.InRange(partly, 1, (await AllAsync(whole)).Length - 1);
        Assert.Equal(await AllAsync(whole), await AllAsync(stopped));
        Assert.True(resumed.AlreadyImported > 0);
    }

    [Fact]
    public async Task ASaveMadeBetweenRunsNeitherRepeatsTheHistoryNorHidesNewCommits()
    {
        using var history = ScriptedHistory.Build();
        var service = InMemory();
        await ImportAsync(service, history.Repository.Path);
        var alice = EntityKey.Create(Kind, "alice");
        await service.SaveAsync(alice, """{"name": "Alice", "rev": "by hand"}"""u8.ToArray(), new SaveOptions("operator"));

        var again = await ImportAsync(service, history.Repository.Path);
        history.Repository.Write("agents/alice.json", """{"name": "Alice", "rev": 10}""").Commit("Alice ten", TestAuthor.Alice, ScriptedHistory.At(30));
        var after = await ImportAsync(service, history.Repository.Path);

        Assert.Equal(0, again.TotalCreated);
        Assert.Equal(new Dictionary<string, int> { ["note/alice"] = 1 }, after.VersionsCreated);
        var versions = await VersionsAsync(service, "alice");
        Assert.Equal(["operator", TestAuthor.Alice.SavedBy], versions[^2..].Select(v => v.SavedBy));
    }

    [Fact]
    public async Task AVersionWithoutItsSourceIsRecognisedByAuthorDateAndSubject()
    {
        // Stores that do not keep a version's source still resume: the commit is found by saved_by, saved_at and message.
        using var history = ScriptedHistory.Build();
        var service = InMemory();
        await using var repository = await GitRepository.OpenAsync(history.Repository.Path);
        var commits = await new GitHistoryWalker(repository, [PathGlob.Parse("**")]).ListCommitsAsync();
        var c6 = commits.Single(c => c.Id == history.Commits["c6"]);
        var erin = EntityKey.Create(Kind, "erin");
        await service.SaveAsync(erin, Some.Json("""{"n":1}"""), new SaveOptions(c6.Author) { SavedAt = c6.AuthorDate, Message = c6.Subject, Operation = VersionOperation.Import });
        var resume = new GitImportResume(service, commits);

        var position = ScriptedHistory.WalkOrder.ToList().IndexOf("c6");
        Assert.True(await resume.IsImportedAsync(erin, position, CancellationToken.None));
        Assert.False(await resume.IsImportedAsync(erin, position + 1, CancellationToken.None));
        Assert.False(await resume.IsImportedAsync(EntityKey.Create(Kind, "alice"), 0, CancellationToken.None));
    }

    [Fact]
    public async Task ContentThatDoesNotParseIsSkippedWithTheReasonAndTheNextCommitsContentImports()
    {
        using var repository = GitTestRepository.Create();
        repository.Write("agents/alice.json", """{"rev": 1}""").Commit("one", TestAuthor.Alice, ScriptedHistory.At(0));
        var broken = repository.Write("agents/alice.json", """{"rev": 2""").Commit("broken", TestAuthor.Alice, ScriptedHistory.At(1));
        repository.Write("agents/alice.json", """{"rev": 3}""").Commit("fixed", TestAuthor.Alice, ScriptedHistory.At(2));
        var service = InMemory();

        var summary = await ImportAsync(service, repository.Path);

        var skip = Assert.Single(summary.Skipped);
        Assert.Equal((broken, "agents/alice.json"), (skip.Commit, skip.Path));
        Assert.Equal(["one", "fixed"], (await VersionsAsync(service, "alice")).Select(v => v.Message));
    }

    [Fact]
    public async Task FileBytesReachTheParserExactly()
    {
        using var repository = GitTestRepository.Create();
        var files = new Dictionary<string, byte[]>
        {
            ["raw/crlf.txt"] = Encoding.UTF8.GetBytes("one\r\ntwo\r\n"),
            ["raw/bare.txt"] = Encoding.UTF8.GetBytes("no final newline"),
            ["raw/latin1.txt"] = [0x63, 0x61, 0x66, 0xE9],
            ["raw/sp ace/é/odd.txt"] = Encoding.UTF8.GetBytes("odd folder names\n"),
        };
        foreach (var (path, content) in files)
        {
            repository.Write(path, content);
        }

        var commit = repository.Commit("bytes", TestAuthor.Zoe, ScriptedHistory.At(0));
        var service = InMemory();
        // A parser that keeps the bytes as base64, so the store shows exactly what it was given.
        var request = new GitImportRequest(repository.Path, [PathGlob.Parse("raw/**")], Kind,
            step => CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes($$"""{"bytes":"{{Convert.ToBase64String(step.Content.Span)}}"}""")));

        await new GitHistoryImporter(service).ImportAsync(request);

        foreach (var (path, content) in files)
        {
            var version = Assert.Single(await VersionsAsync(service, Path.GetFileNameWithoutExtension(path)));
            Assert.Equal(new VersionSource(commit, path), version.Source);
            var stored = System.Text.Json.JsonDocument.Parse(version.Content).RootElement.GetProperty("bytes").GetBytesFromBase64();
            Assert.Equal(content, stored);
            Assert.Equal(repository.GitBytes("show", $"{commit}:{path}"), stored);
        }
    }

    [Fact]
    public async Task ASquadHistoryImportsOneEntityPerCharterFolderAcrossItsMoves()
    {
        using var repository = GitTestRepository.Create();
        repository.Write(".ai-team/agents/x/charter.md", "# X\r\n").Commit("Hire x", TestAuthor.Alice, ScriptedHistory.At(0));
        repository.Move(".ai-team", ".squad");
        repository.Commit("Move to .squad", TestAuthor.Bob, ScriptedHistory.At(1));
        repository.Move(".squad/agents/x", ".squad/agents/_alumni/x");
        repository.Write(".squad/agents/_alumni/x/charter.md", "# X (alumni)\r\n").Commit("x retires", TestAuthor.Zoe, ScriptedHistory.At(2));
        var service = InMemory();
        var request = new GitImportRequest(repository.Path, [PathGlob.Parse(".ai-team/agents/**/charter.md"), PathGlob.Parse(".squad/agents/**/charter.md")], "agent",
            step => CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(new { charter = Encoding.UTF8.GetString(step.Content.Span) }))))
        {
            IdRule = EntityIdRule.SquadCharterFolder,
        };

        var summary = await new GitHistoryImporter(service).ImportAsync(request);

        Assert.Equal(new Dictionary<string, int> { ["agent/x"] = 2 }, summary.VersionsCreated);
        var versions = new List<Snapshot>();
        await foreach (var version in service.GetHistoryAsync(EntityKey.Create("agent", "x")))
        {
            versions.Insert(0, version);
        }

        Assert.Equal([".ai-team/agents/x/charter.md", ".squad/agents/_alumni/x/charter.md"], versions.Select(v => v.Source!.Path));
        Assert.Equal("""{"charter":"# X (alumni)\r\n"}""", versions[^1].ContentText());
    }

    [Fact]
    public async Task ABadKindOrNoGlobIsRefusedBeforeAnythingIsRead()
    {
        var service = InMemory();

        await Assert.ThrowsAsync<Verso.Errors.InvalidNameException>(() =>
            new GitHistoryImporter(service).ImportAsync(new GitImportRequest("unused", [PathGlob.Parse("*")], "Bad Kind", _ => throw new InvalidOperationException())));
        using var repository = GitTestRepository.Create();
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new GitHistoryImporter(service).ImportAsync(new GitImportRequest(repository.Path, [], Kind, _ => throw new InvalidOperationException())));
    }
}
