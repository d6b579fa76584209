using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Verso.Files.Squad;

/// <summary>
/// Reads a Squad charter (<c>.squad/agents/&lt;name&gt;/charter.md</c>, in the shape of Squad's template:
/// <c># Name — Role</c>, a <c>&gt;</c> tagline, <c>## Identity</c> bullets such as <c>- **Role:** Lead</c>,
/// <c>## Model</c> with <c>- **Preferred:** claude-sonnet-4</c>). Anything else in the file is prose the
/// charter keeps; nothing here changes a byte of it.
/// </summary>
public static partial class SquadCharter
{
    // Values that name no model: the coordinator picks one.
    private static readonly HashSet<string> NoModel = new(StringComparer.OrdinalIgnoreCase) { "auto", "default", "inherit", "none", "any" };

    /// <summary>The fields <paramref name="charter"/> states.</summary>
    public static SquadCharterFields Parse(string charter)
    {
        ArgumentNullException.ThrowIfNull(charter);
        var lines = charter.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var headingIndex = lines.FindIndex(l => l.StartsWith("# ", StringComparison.Ordinal));
        var (headingName, headingRole) = headingIndex < 0 ? (null, null) : SplitHeading(lines[headingIndex][2..]);
        var identity = Bullets(lines, "identity");
        var model = Bullets(lines, "model");
        return new SquadCharterFields(
            Name: Stated(identity.GetValueOrDefault("name")) ?? headingName,
            Role: Stated(identity.GetValueOrDefault("role")) ?? headingRole,
            Tagline: headingIndex < 0 ? null : Tagline(lines, headingIndex),
            Expertise: Stated(identity.GetValueOrDefault("expertise")) is { } expertise
                ? [.. expertise.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]
                : [],
            Style: Stated(identity.GetValueOrDefault("style")),
            PreferredModel: ModelId(model.GetValueOrDefault("preferred")),
            FallbackModel: ModelId(model.GetValueOrDefault("fallback")));
    }

    /// <summary>The provider a model id belongs to, guessed from its name (<c>claude-…</c> → <c>anthropic</c>); <c>unknown</c> when it cannot be told.</summary>
    public static string ProviderOf(string modelId)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        var id = modelId.ToLowerInvariant();
        return id switch
        {
            _ when id.StartsWith("claude", StringComparison.Ordinal) => "anthropic",
            _ when id.StartsWith("gpt", StringComparison.Ordinal) || id.StartsWith("chatgpt", StringComparison.Ordinal) || id.StartsWith("codex", StringComparison.Ordinal)
                || ReasoningModel().IsMatch(id) => "openai",
            _ when id.StartsWith("gemini", StringComparison.Ordinal) => "google",
            _ when id.StartsWith("llama", StringComparison.Ordinal) => "meta",
            _ when id.StartsWith("mistral", StringComparison.Ordinal) || id.StartsWith("codestral", StringComparison.Ordinal) => "mistral",
            _ when id.StartsWith("grok", StringComparison.Ordinal) => "xai",
            _ => "unknown",
        };
    }

    private static (string? Name, string? Role) SplitHeading(string heading)
    {
        foreach (var separator in new[] { " — ", " – ", " - " })
        {
            var at = heading.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0)
            {
                return (Stated(heading[..at]), Stated(heading[(at + separator.Length)..]));
            }
        }

        return (Stated(heading), null);
    }

    // The first quoted line between the heading and the first section.
    private static string? Tagline(List<string> lines, int headingIndex)
    {
        foreach (var line in lines.Skip(headingIndex + 1))
        {
            if (line.StartsWith('#'))
            {
                break;
            }

            if (line.StartsWith('>'))
            {
                return Stated(line[1..]);
            }
        }

        return null;
    }

    /// <summary>The <c>- **Key:** value</c> bullets of the <c>## section</c>, by lowercase key; the first of each wins.</summary>
    private static Dictionary<string, string> Bullets(List<string> lines, string section)
    {
        var bullets = new Dictionary<string, string>(StringComparer.Ordinal);
        var start = lines.FindIndex(l => l.StartsWith("## ", StringComparison.Ordinal) && l[3..].Trim().Equals(section, StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return bullets;
        }

        foreach (var line in lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("# ", StringComparison.Ordinal) && !l.StartsWith("## ", StringComparison.Ordinal)))
        {
            if (Bullet().Match(line) is { Success: true } match)
            {
                bullets.TryAdd(match.Groups["key"].Value.Trim().ToLowerInvariant(), match.Groups["value"].Value);
            }
        }

        return bullets;
    }

    private static string? ModelId(string? value) =>
        Stated(value) is { } text && ModelIdPattern().IsMatch(text) && !NoModel.Contains(text) ? text : null;

    /// <summary>The text, trimmed; null when blank or still the template's <c>{placeholder}</c>.</summary>
    private static string? Stated(string? text)
    {
        var trimmed = text?.Trim();
        return string.IsNullOrEmpty(trimmed) || (trimmed.StartsWith('{') && trimmed.EndsWith('}')) ? null : trimmed;
    }

    [GeneratedRegex(@"^\s*[-*+]\s+\*\*(?<key>[^*]+?):?\*\*:?\s*(?<value>.*?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._:/-]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex ModelIdPattern();

    [GeneratedRegex(@"^o[0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex ReasoningModel();
}
