namespace Verso.Server.Tests.Page;

/// <summary>
/// The page's server with no token in its store, as right after <c>verso init</c> and <c>verso serve</c> on a
/// workstation: the server lets loopback callers in as its local admin.
/// </summary>
public sealed class LocalPageServerFixture : PageServerFixture
{
    protected override bool WithTokens => false;
}
