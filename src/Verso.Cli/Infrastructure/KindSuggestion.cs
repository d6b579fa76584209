using Verso.Model.Kinds;
using Verso.Versioning;

namespace Verso.Cli.Infrastructure;

/// <summary>"; did you mean agent?" after a message about a kind that holds nothing.</summary>
internal static class KindSuggestion
{
    /// <summary>The hint to append, or an empty string when no known kind is near.</summary>
    public static async Task<string> HintAsync(VersioningService service, string kind, CancellationToken cancellationToken) =>
        await KindNames.NearestAsync(service, kind, cancellationToken) is { } nearest ? $"; did you mean {nearest}?" : "";
}
