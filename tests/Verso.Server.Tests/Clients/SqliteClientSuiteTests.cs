namespace Verso.Server.Tests.Clients;

/// <summary>The clients' suites against <c>verso serve</c> on a SQLite file.</summary>
public sealed class SqliteClientSuiteTests : ClientSuites
{
    protected override Task<string?> StoreAsync() => Task.FromResult<string?>(null);
}
