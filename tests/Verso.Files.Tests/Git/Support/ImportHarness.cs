using Verso.Files.Git;
using Verso.Model.Kinds;
using Verso.Naming;
using Verso.Model.Snapshots;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Versioning;

namespace Verso.Files.Tests.Git.Support;

/// <summary>Imports into a store and reads what landed there.</summary>
public static class ImportHarness
{
    public const string Kind = "note";

    public static VersioningService InMemory() => new(new InMemoryVersionStore(), new KindRegistry());

    public static async Task<VersioningService> SqliteAsync(string path)
    {
        var store = SqliteVersionStore.ForFile(path);
        await store.InitializeAsync();
        return new VersioningService(store, new KindRegistry());
    }

    /// <summary>A request for the JSON files under agents/, parsed as canonical JSON of kind note.</summary>
    public static GitImportRequest JsonRequest(VersioningService service, string repository, params string[] globs) =>
        new(repository, (globs.Length == 0 ? ["agents/**/*.json"] : globs).Select(PathGlob.Parse), Kind, step => service.Canonicalize(Kind, step.Content.Span));

    public static Task<GitImportSummary> ImportAsync(VersioningService service, string repository, IProgress<GitImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        new GitHistoryImporter(service).ImportAsync(JsonRequest(service, repository), progress, cancellationToken);

    /// <summary>An entity's versions, oldest first.</summary>
    public static async Task<List<Snapshot>> VersionsAsync(VersioningService service, string id)
    {
        var versions = new List<Snapshot>();
        await foreach (var version in service.GetHistoryAsync(EntityKey.Create(Kind, id)))
        {
            versions.Insert(0, version);
        }

        return versions;
    }

    /// <summary>Every version in the store, ordered by entity and number.</summary>
    public static async Task<Snapshot[]> AllAsync(VersioningService service)
    {
        var all = new List<Snapshot>();
        await foreach (var snapshot in service.Store.ScanAsync())
        {
            all.Add(snapshot);
        }

        // An array: xunit compares ImmutableArray<T> by reference, not by items.
        return [.. all.OrderBy(s => s.Key.ToString(), StringComparer.Ordinal).ThenBy(s => s.Version)];
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; would post to the thread pool and arrive late).</summary>
    public sealed class Recorder(Action<GitImportProgress>? onReport = null) : IProgress<GitImportProgress>
    {
        public List<GitImportProgress> Reports { get; } = [];

        public void Report(GitImportProgress value)
        {
            Reports.Add(value);
            onReport?.Invoke(value);
        }
    }
}
