namespace Verso.Server.Tests.Page;

/// <summary>The page on a server whose store holds no token (its own <c>verso serve</c> and browser).</summary>
[CollectionDefinition(Name)]
public sealed class LocalPageCollection : ICollectionFixture<LocalPageServerFixture>
{
    public const string Name = "page-local";
}
