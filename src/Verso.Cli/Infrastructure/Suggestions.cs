using System.CommandLine;

namespace Verso.Cli.Infrastructure;

/// <summary>"did you mean `save`?" for a command name typed wrong.</summary>
internal static class Suggestions
{
    /// <summary>A message naming the closest command when the first word is not one, or null.</summary>
    public static string? ForMistypedCommand(RootCommand root, ParseResult parseResult)
    {
        if (parseResult.CommandResult.Command != root || parseResult.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        var typed = parseResult.UnmatchedTokens[0];
        if (typed.StartsWith('-'))
        {
            return null;
        }

        var closest = root.Subcommands.Where(c => !c.Hidden)
            .Select(c => (c.Name, Distance: Distance(typed, c.Name)))
            .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        var hint = closest.Name is not null && closest.Distance <= Math.Max(2, typed.Length / 3) ? $"; did you mean `{closest.Name}`?" : "";
        return $"'{typed}' is not a verso command{hint}";
    }

    // Levenshtein distance, counting a swap of two neighbours as one edit (svae → save).
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
