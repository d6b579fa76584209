using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Support;

namespace Verso.Server.Tests.Golden;

/// <summary>The golden answers over a real SQLite file.</summary>
public sealed class SqliteGoldenBodies : GoldenBodies, IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(SqliteVersionStore.ForFile(_directory.File("verso.db")));

    public void Dispose() => _directory.Dispose();
}
