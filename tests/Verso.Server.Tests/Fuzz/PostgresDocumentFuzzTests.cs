using Verso.Postgres;
using Verso.Storage;
using Verso.Testing.Postgres;
using Xunit.Abstractions;

namespace Verso.Server.Tests.Fuzz;

/// <summary>Requests generated from the document, against a real PostgreSQL database of its own.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDocumentFuzzTests(PostgresServerFixture postgres, ITestOutputHelper output) : DocumentFuzzContract(output)
{
    protected override async Task<IVersionStore> CreateStoreAsync() =>
        new PostgresVersionStore(await postgres.Server.CreateDatabaseAsync());
}
