using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Verso.Server.Page;

/// <summary>
/// The page's files, embedded in this assembly under <c>page/</c>, each served under a name that carries
/// its content hash so browsers may keep it forever; <c>index.html</c> is rewritten to name them.
/// </summary>
internal sealed class PageAssets
{
    private const string Prefix = "page/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".html"] = "text/html; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private PageAssets(FrozenDictionary<string, PageAsset> byHashedName, string index, string contentSecurityPolicy)
    {
        ByHashedName = byHashedName;
        Index = index;
        ContentSecurityPolicy = contentSecurityPolicy;
    }

    /// <summary>Every asset but <c>index.html</c>, by the hashed name it is served under.</summary>
    public FrozenDictionary<string, PageAsset> ByHashedName { get; }

    /// <summary><c>index.html</c> with the import map and links naming the hashed files.</summary>
    public string Index { get; }

    /// <summary>The policy sent with the page: its own scripts and the one inline import map, nothing else.</summary>
    public string ContentSecurityPolicy { get; }

    /// <summary>Reads the embedded files of <paramref name="assembly"/>.</summary>
    public static PageAssets Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var assets = new List<PageAsset>();
        string? indexTemplate = null;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[Prefix.Length..].Replace('\\', '/');
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"the page's resource {resource} cannot be read");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            var bytes = copy.ToArray();
            if (name == "index.html")
            {
                indexTemplate = Encoding.UTF8.GetString(bytes);
                continue;
            }

            var extension = Path.GetExtension(name);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..12];
            var hashedName = string.Concat(name.AsSpan(0, name.Length - extension.Length), ".", hash, extension);
            assets.Add(new PageAsset(name, hashedName, ContentTypes.GetValueOrDefault(extension, "application/octet-stream"), bytes));
        }

        if (indexTemplate is null)
        {
            throw new InvalidOperationException("the page's index.html is not embedded in Verso.Server");
        }

        // Modules import each other by their plain names ("./api.js"); the import map sends each such URL to
        // its hashed twin, so a changed module changes its URL without rewriting the modules that import it.
        var map = new StringBuilder("{\"imports\":{");
        map.AppendJoin(',', assets.Where(a => a.Name.EndsWith(".js", StringComparison.Ordinal))
            .Select(a => $"\"{PagePaths.Assets}/{a.Name}\":\"{PagePaths.Assets}/{a.HashedName}\""));
        map.Append("}}");
        var importMap = map.ToString();
        var index = indexTemplate.Replace("{{importmap}}", importMap, StringComparison.Ordinal);
        foreach (var asset in assets)
        {
            index = index.Replace($"{{{{{asset.Name}}}}}", $"{PagePaths.Assets}/{asset.HashedName}", StringComparison.Ordinal);
        }

        var mapHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(importMap)));
        var policy = $"default-src 'none'; script-src 'self' 'sha256-{mapHash}'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        return new PageAssets(assets.ToFrozenDictionary(a => a.HashedName, StringComparer.Ordinal), index, policy);
    }
}
