namespace Verso.Server.Page;

/// <summary>Where the page lives: <c>/</c> for the page itself, <c>/assets/…</c> for its files.</summary>
internal static class PagePaths
{
    /// <summary>The folder the hashed files are served from.</summary>
    public const string Assets = "/assets";
}
