using System.Text.Json;
using System.Text.RegularExpressions;

namespace Verso.Documents.Canonical;

/// <summary>
/// System.Text.Json's parse errors in words a user can act on: its 0-based "LineNumber | BytePositionInLine"
/// suffix and its advice to the programmer ("Change the reader options") are dropped, the position is
/// reported separately, 1-based.
/// </summary>
internal static partial class JsonErrorText
{
    /// <summary>What the parser found wrong, without its position or advice.</summary>
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = Position().Replace(exception.Message, "");
        text = Advice().Replace(text, "");
        text = text.Trim().TrimEnd('.');
        if (text.Length == 0)
        {
            return "the text is not JSON";
        }

        // "Expected depth to be zero at the end of the JSON payload. There is an open JSON object…" says it twice.
        if (text.StartsWith("Expected depth to be zero", StringComparison.Ordinal))
        {
            return "the text ends inside an object or array that is never closed";
        }

        if (text.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal))
        {
            return "the text is empty: no JSON value";
        }

        return char.ToLowerInvariant(text[0]) + text[1..];
    }

    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Position();

    [GeneratedRegex(@"\s*(Change the reader options|Change the JsonReaderOptions|Set JsonReaderOptions)[^.]*\.?", RegexOptions.CultureInvariant)]
    private static partial Regex Advice();
}
