using System.CommandLine;
using System.CommandLine.Parsing;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// The texts a user writes into history (<c>--by</c>, <c>-m</c>/<c>--message</c>, <c>--reason</c>) are
/// shown to others later, on their terminals: control characters are refused (they could carry escape
/// sequences or forge lines of <c>log</c>), and so is U+FFFD, which is what the runtime makes of bytes
/// that are not UTF-8 (storing it would silently lose what was meant). Checked for every command at once.
/// </summary>
internal static class UserTextCheck
{
    private static readonly HashSet<string> Checked = ["--by", "--message", "--reason"];

    /// <summary>The first problem with a checked option's value, or null when all are fine.</summary>
    public static string? FindProblem(ParseResult parseResult)
    {
        for (var result = parseResult.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            foreach (var option in result.Children.OfType<OptionResult>())
            {
                if (!Checked.Contains(option.Option.Name))
                {
                    continue;
                }

                foreach (var token in option.Tokens)
                {
                    if (token.Value.Any(char.IsControl))
                    {
                        return $"{option.Option.Name} holds a control character ('{TerminalText.Escape(token.Value)}'); use plain text on one line";
                    }

                    if (token.Value.Contains('\uFFFD', StringComparison.Ordinal))
                    {
                        return $"{option.Option.Name} is not valid UTF-8 text ('{token.Value}'); check the terminal's or script's encoding";
                    }
                }
            }
        }

        return null;
    }
}
