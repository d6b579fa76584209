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

        // The same nearness as for kinds: edits, a swap of neighbours counting one (svae → save).
        var closest = Verso.Model.Kinds.KindNames.Nearest(typed, root.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
        var hint = closest is not null ? $"; did you mean `{closest}`?" : "";
        return $"'{typed}' is not a verso command{hint}";
    }
}
