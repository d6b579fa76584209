using System.Text.Json;
using Verso.Governance.Checks;
using Verso.Contracts;
using Verso.Contracts.Versions;
using Verso.Server.Wire;

namespace Verso.Cli.Infrastructure;

/// <summary>How check results read in <c>log</c>, <c>show</c> and <c>check</c>.</summary>
internal static class CheckOutput
{
    /// <summary>The newest result of each check, e.g. <c>evals: pass, lint: fail</c>; empty when none.</summary>
    public static string Summary(IReadOnlyList<CheckResult> results) =>
        string.Join(", ", results.GroupBy(r => r.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Last().Result}"));

    /// <summary>Writes one result as an object: the <see cref="VersionCheck"/> that <c>show</c> and <c>log</c> list.</summary>
    public static void Write(Utf8JsonWriter writer, CheckResult result) =>
        JsonSerializer.Serialize(writer, WireVersions.Check(result), VersoJson.TypeInfo<VersionCheck>());
}
