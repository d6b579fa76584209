using Verso.Testing.Postgres;

namespace Verso.Server.Tests;

/// <summary>The test classes that share one private PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "PostgreSQL";
}
