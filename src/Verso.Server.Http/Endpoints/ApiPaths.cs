using System.Globalization;
using Verso.Naming;

namespace Verso.Server.Endpoints;

/// <summary>The addresses the API hands out (Location headers, links).</summary>
public static class ApiPaths
{
    /// <summary>The route group every resource lives under.</summary>
    public const string Root = "/api/v1";

    /// <summary>The address of one numbered version.</summary>
    public static string Version(EntityKey key, int version)
    {
        ArgumentNullException.ThrowIfNull(key);
        return string.Create(CultureInfo.InvariantCulture, $"{Root}/entities/{key.Kind}/{key.Id}/versions/{version}");
    }
}
