using System.Text.Json;
using Verso.Checks;

namespace Verso.Cli.Infrastructure;

/// <summary>How check results read in <c>log</c>, <c>show</c> and <c>check</c>.</summary>
internal static class CheckOutput
{
    /// <summary>The newest result of each check, e.g. <c>evals: pass, lint: fail</c>; empty when none.</summary>
    public static string Summary(IReadOnlyList<CheckResult> results) =>
        string.Join(", ", results.GroupBy(r => r.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}: {g.Last().Result}"));

    /// <summary>Writes <c>"checks": [...]</c>, every result oldest first.</summary>
    public static void WriteChecks(Utf8JsonWriter writer, IReadOnlyList<CheckResult> results)
    {
        writer.WriteStartArray("checks");
        foreach (var result in results)
        {
            Write(writer, result);
        }

        writer.WriteEndArray();
    }

    /// <summary>Writes one result as an object.</summary>
    public static void Write(Utf8JsonWriter writer, CheckResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("name", result.Name);
        writer.WriteString("result", result.Result);
        writer.WriteString("by", result.By);
        writer.WriteString("at", Timestamps.ForJson(result.At));
        writer.WriteString("ref", result.Target.Ref.ToString());
        writer.WriteString("hash", result.Target.Hash.ToString());
        if (result.Url is not null)
        {
            writer.WriteString("url", result.Url);
        }

        if (result.Message is not null)
        {
            writer.WriteString("message", result.Message);
        }

        writer.WriteEndObject();
    }
}
