using Microsoft.Data.Sqlite;
using Verso.Documents.Canonical;
using Verso.Errors;
using Verso.Files.Git;
using Verso.Files.Tests.Git.Support;
using Verso.Model.Snapshots;
using Verso.Testing.Support;
using Verso.Versioning;
using static Verso.Files.Tests.Git.Support.ImportHarness;

namespace Verso.Files.Tests.Git;

/// <summary>
/// The import's pipeline: the plan read ahead of the saves, and a batch saved while the next is parsed. Whatever
/// stops it midway, the store holds whole batches only, in history order, and a re-run ends as one run that never stopped.
/// </summary>
public sealed class GitImportPipelineTests
{
    // Two versions a batch cut the scripted history (18 versions) into nine batches.
    private const int SmallBatch = 2;

    [Fact]
    public async Task AnImportInManySmallBatchesEndsAsOneInASingleBatch()
    {
        using var history = ScriptedHistory.Build();
        using var directory = new TempDirectory();
        var whole = await SqliteAsync(directory.File("whole.db"));
        var small = await SqliteAsync(directory.File("small.db"));

        var one = await new GitHistoryImporter(whole).ImportAsync(JsonRequest(whole, history.Repository.Path));
        var many = await new GitHistoryImporter(small) { MostPerBatch = SmallBatch }.ImportAsync(JsonRequest(small, history.Repository.Path));

        Assert.Equal(one, many, SummaryComparer.Instance);
        Assert.Equal(await AllAsync(whole), await AllAsync(small));
        Assert.Equal(ScriptedHistory.VersionsByEntity.Sum(e => e.Value.Length), (await AllAsync(small)).Length);
    }

    [Fact]
    public async Task AParserThatFailsMidwayLeavesTheStoreAsTheLastWholeBatchLeftIt()
    {
        using var history = ScriptedHistory.Build();
        using var directory = new TempDirectory();
        var (whole, parsedInOrder) = await ImportRecordingParsesAsync(directory.File("whole.db"), history.Repository.Path);
        var failing = await SqliteAsync(directory.File("failing.db"));
        var calls = 0;

        // The eighth parse fails (not bad input: a fault), while the batch of the fifth and sixth may still be saving
        // and the seventh waits for its batch.
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => new GitHistoryImporter(failing) { MostPerBatch = SmallBatch }.ImportAsync(
            Request(history.Repository.Path, step => ++calls == 8 ? throw new InvalidOperationException("the parser broke") : failing.Canonicalize(Kind, step.Content.Span))));

        Assert.Equal("the parser broke", exception.Message);
        // Exactly the first six steps went in (three whole batches, not the seventh's half), each as the uninterrupted import saved it.
        var expected = await VersionsOfAsync(whole, parsedInOrder.Take(6));
        Assert.Equal(6, expected.Length);
        Assert.Equal(expected, await AllAsync(failing));

        var resumed = await new GitHistoryImporter(failing) { MostPerBatch = SmallBatch }.ImportAsync(JsonRequest(failing, history.Repository.Path));
        Assert.Equal(6, resumed.AlreadyImported);
        Assert.Equal(await AllAsync(whole), await AllAsync(failing));
    }

    [Fact]
    public async Task AStoreThatRefusesABatchStopsTheImportThereWithNothingOfThatBatchOrAfterIt()
    {
        using var history = ScriptedHistory.Build();
        using var directory = new TempDirectory();
        var (whole, parsedInOrder) = await ImportRecordingParsesAsync(directory.File("whole.db"), history.Repository.Path);
        var path = directory.File("refusing.db");
        var refusing = await SqliteAsync(path);
        // A real write failure inside the store's transaction (as a full disk would be), on the third batch.
        await ExecuteAsync(path, "CREATE TRIGGER refuse BEFORE INSERT ON versions WHEN (SELECT count(*) FROM versions) >= 4 BEGIN SELECT RAISE(ABORT, 'refused'); END;");
        var parsed = 0;

        await Assert.ThrowsAnyAsync<VersoException>(() => new GitHistoryImporter(refusing) { MostPerBatch = SmallBatch }.ImportAsync(
            Request(history.Repository.Path, step =>
            {
                parsed++;
                return refusing.Canonicalize(Kind, step.Content.Span);
            })));

        // Two whole batches, the history's first four versions; the refused batch and what was parsed after it left nothing.
        var expected = await VersionsOfAsync(whole, parsedInOrder.Take(4));
        Assert.Equal(4, expected.Length);
        Assert.Equal(expected, await AllAsync(refusing));
        Assert.InRange(parsed, 6, parsedInOrder.Count);

        await ExecuteAsync(path, "DROP TRIGGER refuse;");
        await ImportAsync(refusing, history.Repository.Path);
        Assert.Equal(await AllAsync(whole), await AllAsync(refusing));
    }

    [Fact]
    public async Task AnImportStoppedWhileABatchIsSavingKeepsWhatItParsedAndResumesToTheSameStore()
    {
        using var history = ScriptedHistory.Build();
        using var directory = new TempDirectory();
        var whole = await SqliteAsync(directory.File("whole.db"));
        await ImportAsync(whole, history.Repository.Path);
        var stopped = await SqliteAsync(directory.File("stopped.db"));
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new GitHistoryImporter(stopped) { MostPerBatch = SmallBatch }.ImportAsync(
            JsonRequest(stopped, history.Repository.Path), new Recorder(p => { if (p.CommitsWalked == 5) stop.Cancel(); }), stop.Token));
        var partly = await AllAsync(stopped);
        var all = await AllAsync(whole);

        // The five commits walked made six versions (c1 two, c2, c3, m1, f1): all of them are in, none after.
        Assert.Equal(6, partly.Length);
        Assert.All(partly, version => Assert.Contains(version, all));
        var resumed = await ImportAsync(stopped, history.Repository.Path);
        Assert.Equal(6, resumed.AlreadyImported);
        Assert.Equal(all, await AllAsync(stopped));
    }

    private static GitImportRequest Request(string repository, Func<GitImportStep, CanonicalDocument> parse) =>
        new(repository, [PathGlob.Parse("agents/**/*.json")], Kind, parse);

    // An uninterrupted import, and the steps in the order it parsed them.
    private static async Task<(VersioningService Service, List<(string Id, string Commit)> Parsed)> ImportRecordingParsesAsync(string path, string repository)
    {
        var service = await SqliteAsync(path);
        var parsed = new List<(string Id, string Commit)>();
        await new GitHistoryImporter(service).ImportAsync(Request(repository, step =>
        {
            parsed.Add((step.Key.Id, step.Commit.Id));
            return service.Canonicalize(Kind, step.Content.Span);
        }));
        return (service, parsed);
    }

    // The versions those steps made in the uninterrupted import.
    private static async Task<Snapshot[]> VersionsOfAsync(VersioningService service, IEnumerable<(string Id, string Commit)> steps)
    {
        var wanted = steps.ToHashSet();
        return [.. (await AllAsync(service)).Where(version => wanted.Contains((version.Key.Id, version.Source!.Commit)))];
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    // Summaries hold immutable collections, which xunit compares by reference.
    private sealed class SummaryComparer : IEqualityComparer<GitImportSummary>
    {
        public static SummaryComparer Instance { get; } = new();

        public bool Equals(GitImportSummary? x, GitImportSummary? y) =>
            x is not null && y is not null
            && x.CommitsWalked == y.CommitsWalked
            && x.VersionsCreated.SequenceEqual(y.VersionsCreated)
            && x.Unchanged == y.Unchanged
            && x.AlreadyImported == y.AlreadyImported
            && x.Deletions == y.Deletions
            && x.Skipped.SequenceEqual(y.Skipped);

        public int GetHashCode(GitImportSummary obj) => obj.CommitsWalked;
    }
}
