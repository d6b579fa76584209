using System.Collections.Immutable;
using System.Globalization;

namespace Verso.Documents.Pointers;

/// <summary>RFC 6901 JSON Pointers: building them segment by segment and splitting them back.</summary>
public static class JsonPointer
{
    /// <summary>The pointer to the whole document.</summary>
    public const string Root = "";

    /// <summary>Appends an object member name, escaping <c>~</c> and <c>/</c>.</summary>
    public static string Append(string pointer, string memberName)
    {
        ArgumentNullException.ThrowIfNull(memberName);
        return pointer + "/" + Escape(memberName);
    }

    /// <summary>Appends an array index.</summary>
    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

    /// <summary>Escapes one reference token: <c>~</c> → <c>~0</c>, <c>/</c> → <c>~1</c>.</summary>
    public static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Unescapes one reference token: <c>~1</c> → <c>/</c>, then <c>~0</c> → <c>~</c>.</summary>
    /// <exception cref="FormatException">A <c>~</c> is not followed by <c>0</c> or <c>1</c>.</exception>
    public static string Unescape(string token)
    {
        for (var i = token.IndexOf('~', StringComparison.Ordinal); i >= 0; i = token.IndexOf('~', i + 1))
        {
            if (i + 1 >= token.Length || (token[i + 1] != '0' && token[i + 1] != '1'))
            {
                throw new FormatException($"'~' must be followed by 0 or 1 in a JSON pointer token: '{token}'");
            }
        }

        return token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
    }

    /// <summary>Splits a pointer into its unescaped reference tokens; <c>""</c> gives none.</summary>
    /// <exception cref="FormatException">The pointer is not empty and does not start with <c>/</c>, or has a bad escape.</exception>
    public static ImmutableArray<string> Parse(string pointer)
    {
        ArgumentNullException.ThrowIfNull(pointer);
        if (pointer.Length == 0)
        {
            return [];
        }

        if (pointer[0] != '/')
        {
            throw new FormatException($"a JSON pointer starts with '/': '{pointer}'");
        }

        return [.. pointer[1..].Split('/').Select(Unescape)];
    }
}
