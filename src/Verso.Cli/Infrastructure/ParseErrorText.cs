using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// System.CommandLine's parse errors in a user's words: "Cannot parse argument 'abc' for option
/// '--expect' as expected type 'System.Nullable`1[System.Int32]'" becomes "--expect takes a whole
/// number, not 'abc'". Messages without a .NET type name pass through unchanged.
/// </summary>
internal static partial class ParseErrorText
{
    public static string Describe(ParseError error)
    {
        var match = CannotParse().Match(error.Message);
        if (!match.Success)
        {
            // "Must be one of:\n\t'text'\n\t'json'" reads as one line too.
            return LineBreaks().Replace(error.Message, " ");
        }

        var (value, target, type) = (match.Groups["value"].Value, match.Groups["target"].Value, match.Groups["type"].Value);
        return $"{target} takes {Words(type)}, not '{value}'";
    }

    private static string Words(string type) => type switch
    {
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ when type.Contains("DateTimeOffset", StringComparison.Ordinal) || type.Contains("DateTime", StringComparison.Ordinal) => "a time such as 2026-11-01T12:00:00Z",
        _ when type.Contains("TimeSpan", StringComparison.Ordinal) => "a duration such as 1.00:00:00",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ => "a value of another form",
    };

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<target>[^']*)' as expected type '(?<type>[^']*)'\.?", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex CannotParse();

    [GeneratedRegex(@"[ \t]*[\r\n]+[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreaks();
}
