using System.Text.Json;
using Verso.Naming;
using Verso.Model.Snapshots;

namespace Verso.Governance.Checks;

/// <summary>One check result on one version, as its <c>check</c> record keeps it (append-only, chained).</summary>
/// <param name="Target">The version checked, pinned by its hash.</param>
/// <param name="Name">The check, e.g. <c>evals</c>.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="By">Who or what ran it, e.g. <c>ci</c>.</param>
/// <param name="At">When the result was recorded, in UTC.</param>
/// <param name="Url">Where the run can be read, if given.</param>
/// <param name="Message">What the run said, if given.</param>
public sealed record CheckResult(PinnedRef Target, string Name, bool Passed, string By, DateTimeOffset At, string? Url, string? Message)
{
    /// <summary><c>pass</c> or <c>fail</c>.</summary>
    public string Result => Passed ? "pass" : "fail";

    /// <summary>Reads one version of a <c>check</c> record.</summary>
    public static CheckResult Read(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var document = JsonDocument.Parse(snapshot.Content);
        var root = document.RootElement;
        return new CheckResult(
            PinnedRef.Parse(root.GetProperty("target").GetString()!),
            root.GetProperty("name").GetString()!,
            root.GetProperty("result").GetString() == "pass",
            root.GetProperty("by").GetString()!,
            snapshot.SavedAt,
            root.TryGetProperty("url", out var url) ? url.GetString() : null,
            root.TryGetProperty("message", out var message) ? message.GetString() : null);
    }

    /// <summary>The record's JSON (its time is the version's saved_at).</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("target", Target.ToString());
            writer.WriteString("name", Name);
            writer.WriteString("result", Result);
            writer.WriteString("by", By);
            if (Url is not null)
            {
                writer.WriteString("url", Url);
            }

            if (Message is not null)
            {
                writer.WriteString("message", Message);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>One line, e.g. <c>evals: fail by ci</c>.</summary>
    public override string ToString() => $"{Name}: {Result} by {By}";
}
