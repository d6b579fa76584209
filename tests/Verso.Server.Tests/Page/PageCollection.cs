namespace Verso.Server.Tests.Page;

/// <summary>The page's test classes, sharing one <c>verso serve</c> and one browser.</summary>
[CollectionDefinition(Name)]
public sealed class PageCollection : ICollectionFixture<PageServerFixture>
{
    public const string Name = "page";
}
