namespace Verso.Server.Tests.Page;

/// <summary>
/// The review and promotion tests of the page, on a server of their own: the policies they save (a
/// production tag that needs evals) hold for every entity, and must not change what the other page tests see.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ReviewCollection : ICollectionFixture<PageServerFixture>
{
    public const string Name = "page-review";
}
