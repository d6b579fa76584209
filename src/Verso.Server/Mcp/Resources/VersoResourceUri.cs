using System.Globalization;
using Verso.Naming;

namespace Verso.Server.Mcp.Resources;

/// <summary>
/// A <c>verso://</c> resource address: <c>verso://KIND/ID@VERSION</c> (one version, immutable),
/// <c>verso://KIND/ID</c> (the head) or <c>verso://KIND/ID/history</c>.
/// </summary>
internal sealed record VersoResourceUri(EntityKey Key, int? Version, bool History)
{
    public const string Scheme = "verso://";

    public static bool TryParse(string uri, out VersoResourceUri? parsed)
    {
        parsed = null;
        if (!uri.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var path = uri[Scheme.Length..];
        var history = path.EndsWith("/history", StringComparison.Ordinal);
        if (history)
        {
            path = path[..^"/history".Length];
        }

        int? version = null;
        var at = path.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (history || !int.TryParse(path.AsSpan(at + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return false;
            }

            version = number;
            path = path[..at];
        }

        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || !EntityKey.IsValidKind(path[..slash]) || !EntityKey.IsValidId(path[(slash + 1)..]))
        {
            return false;
        }

        parsed = new VersoResourceUri(EntityKey.Create(path[..slash], path[(slash + 1)..]), version, history);
        return true;
    }

    public static string For(EntityKey key) => $"{Scheme}{key.Kind}/{key.Id}";

    public static string For(EntityKey key, int version) => string.Create(CultureInfo.InvariantCulture, $"{Scheme}{key.Kind}/{key.Id}@{version}");
}
