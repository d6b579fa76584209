using System.Net;

namespace Verso.Cli.Serving;

/// <summary>Which of the addresses <c>verso serve</c> is asked to listen on reach beyond this machine.</summary>
internal static class ServeAddresses
{
    public const string Default = "http://127.0.0.1:5180";

    /// <summary>The URLs of <c>--urls</c>, split on <c>;</c> as ASP.NET Core does.</summary>
    public static IReadOnlyList<string> Split(string urls) =>
        [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>Whether a URL listens on loopback only (<c>localhost</c>, 127.0.0.0/8, <c>[::1]</c>).</summary>
    /// <exception cref="Infrastructure.UsageException">The URL is not an http(s) URL.</exception>
    public static bool IsLoopback(string url)
    {
        // Kestrel's wildcards (*, +) are not valid URI hosts; they listen everywhere.
        var normalized = url.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        if (!Uri.TryCreate(normalized, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new Infrastructure.UsageException($"invalid --urls entry '{url}': expected http://HOST:PORT, e.g. {Default}");
        }

        if (uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
