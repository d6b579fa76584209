using Verso.Sqlite;
using Verso.Storage;
using Verso.Testing.Support;
using Xunit.Abstractions;

namespace Verso.Server.Tests.Fuzz;

/// <summary>Requests generated from the document, against a real SQLite file.</summary>
public sealed class SqliteDocumentFuzzTests(ITestOutputHelper output) : DocumentFuzzContract(output), IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override Task<IVersionStore> CreateStoreAsync() => Task.FromResult<IVersionStore>(SqliteVersionStore.ForFile(_directory.File("verso.db")));

    public void Dispose() => _directory.Dispose();
}
