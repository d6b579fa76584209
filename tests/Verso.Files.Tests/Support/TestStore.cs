using Verso.Agents.Kinds;
using Verso.Model.Kinds;
using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Support;
using Verso.Versioning;

namespace Verso.Files.Tests.Support;

/// <summary>A real SQLite store file in a directory of its own, with the agent kinds registered, and a work directory beside it.</summary>
internal sealed class TestStore : IDisposable
{
    private readonly TempDirectory _directory;

    private TestStore(TempDirectory directory, IVersionStore store, VersioningService service)
    {
        _directory = directory;
        Store = store;
        Service = service;
    }

    /// <summary>The SQLite store under <see cref="Service"/>, handed to the file tools as their callers do.</summary>
    public IVersionStore Store { get; }

    public VersioningService Service { get; }

    /// <summary>An empty directory for files, inside this test's own directory.</summary>
    public string Work(string name = "work")
    {
        var path = _directory.File(name);
        Directory.CreateDirectory(path);
        return path;
    }

    public static async Task<TestStore> CreateAsync()
    {
        var directory = new TempDirectory();
        var sqlite = SqliteVersionStore.ForFile(directory.File("verso.db"));
        await sqlite.InitializeAsync();
        return new TestStore(directory, sqlite, new VersioningService(sqlite, AgentKinds.RegisterAll(new KindRegistry())));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
