using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Server.Tests.Streams;

/// <summary>Change streams over a real SQLite file.</summary>
public sealed class SqliteStreamTests : StreamContract, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(SqliteVersionStore.ForFile(_directory.File("verso.db")));

    protected override IVersionStore OpenSameStore() => SqliteVersionStore.ForFile(_directory.File("verso.db"));

    public void Dispose() => _directory.Dispose();
}
