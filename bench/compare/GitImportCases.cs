using System.Diagnostics;
using Verso.Files.Git;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Sqlite;
using Verso.Versioning;

namespace Verso.Compare;

// import-git end to end (walking git, reading each commit's blob, canonicalizing, the batch append) on a
// history git fast-import wrote, beside git fast-import recording that same history.
internal static class GitImportCases
{
    /// <summary>Seconds for <c>verso import-git</c>'s importer to take a one-file history of <paramref name="contents"/> into a fresh SQLite store.</summary>
    public static async Task<double> ImportGitSecondsAsync(IReadOnlyList<byte[]> contents)
    {
        using var directory = new Scratch();
        await ExternalCases.GitFastImportSecondsAsync(directory, contents, "charter.json");
        var store = SqliteVersionStore.ForFile(directory.File("verso.db"));
        await store.InitializeAsync();
        var service = new VersioningService(store, new KindRegistry());
        var request = new GitImportRequest(directory.File("repo.git"), [PathGlob.Parse("*.json")], "note", GitFileParsers.For(service, store, "note", GitFileFormat.Json));
        var clock = Stopwatch.StartNew();
        var summary = await new GitHistoryImporter(service).ImportAsync(request, null, CancellationToken.None);
        var seconds = clock.Elapsed.TotalSeconds;
        if (summary.TotalCreated != contents.Count)
        {
            throw new InvalidOperationException($"import-git created {summary.TotalCreated} versions, not {contents.Count}");
        }

        await Check.GaplessAsync(store, EntityKey.Create("note", "charter"), contents.Count);
        return seconds;
    }
}
