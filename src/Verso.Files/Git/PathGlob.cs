using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Verso.Files.Git;

/// <summary>
/// A git-style glob over repository paths (forward slashes, relative to the repository's root), with
/// git's <c>:(glob)</c> pathspec semantics: <c>*</c> and <c>?</c> match within one folder name,
/// <c>[abc]</c>, <c>[a-z]</c> and <c>[!abc]</c> match one character of a set, <c>\</c> escapes the next
/// character, and <c>**</c> as a whole segment crosses folders: <c>**/x</c> matches <c>x</c> in any folder
/// (the root included), <c>a/**/b</c> matches <c>a/b</c>, <c>a/x/b</c> and <c>a/x/y/b</c>, <c>a/**</c>
/// matches everything inside <c>a</c>. A glob is anchored at the root: <c>*.yaml</c> matches root files
/// only, <c>**/*.yaml</c> matches them anywhere. Matching is case-sensitive, as git's is.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    private PathGlob(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
    }

    /// <summary>The glob as written.</summary>
    public string Pattern { get; }

    /// <summary>Compiles a glob.</summary>
    /// <exception cref="InvalidGlobException">The glob is empty, absolute, ends with a slash, has an empty,
    /// <c>.</c> or <c>..</c> folder name, an unclosed or reversed <c>[…]</c>, or a lone trailing <c>\</c>.</exception>
    public static PathGlob Parse(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        Check(pattern);
        var segments = pattern.Split('/');
        var regex = new StringBuilder("^");
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            if (segments[i] == "**")
            {
                // Folders are never empty in a path, so "**/" is zero or more whole folder names.
                regex.Append(last ? ".+" : "(?:[^/]+/)*");
                continue;
            }

            AppendSegment(regex, pattern, segments[i]);
            if (!last)
            {
                regex.Append('/');
            }
        }

        regex.Append(@"\z");
        // Linear-time matching: no glob, however many stars, can make a match slow.
        return new PathGlob(pattern, new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
    }

    /// <summary>Whether <paramref name="path"/> (forward slashes, no leading slash) matches.</summary>
    public bool IsMatch(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _regex.IsMatch(path);
    }

    /// <summary>The glob as written.</summary>
    public override string ToString() => Pattern;

    private static void Check(string pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            throw new InvalidGlobException(pattern, "it is empty");
        }

        if (pattern[0] == '/' || (pattern.Length >= 2 && char.IsAsciiLetter(pattern[0]) && pattern[1] == ':'))
        {
            throw new InvalidGlobException(pattern, "globs are relative to the repository's root, e.g. 'agents/*.yaml'");
        }

        if (pattern.Contains('\0', StringComparison.Ordinal))
        {
            throw new InvalidGlobException(pattern, "it contains a NUL character");
        }

        if (pattern[^1] == '/')
        {
            throw new InvalidGlobException(pattern, $"a glob names files, not a folder; for every file under it write '{pattern}**'");
        }

        foreach (var segment in pattern.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                throw new InvalidGlobException(pattern, $"repository paths have no {(segment.Length == 0 ? "empty" : $"'{segment}'")} folder names");
            }
        }
    }

    private static void AppendSegment(StringBuilder regex, string pattern, string segment)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            switch (c)
            {
                case '*':
                    // Stars that are not a whole "**" segment are ordinary stars, as in git.
                    while (i + 1 < segment.Length && segment[i + 1] == '*')
                    {
                        i++;
                    }

                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[':
                    i = AppendClass(regex, pattern, segment, i);
                    break;
                case '\\':
                    if (i + 1 == segment.Length)
                    {
                        throw new InvalidGlobException(pattern, "'\\' escapes the next character, and none follows it");
                    }

                    AppendLiteral(regex, segment[++i]);
                    break;
                default:
                    AppendLiteral(regex, c);
                    break;
            }
        }
    }

    // Reads "[...]" starting at segment[open] and returns the index of its closing ']'.
    private static int AppendClass(StringBuilder regex, string pattern, string segment, int open)
    {
        var i = open + 1;
        var negated = i < segment.Length && segment[i] is '!' or '^';
        if (negated)
        {
            i++;
        }

        var members = new StringBuilder();
        var first = true;
        while (true)
        {
            if (i >= segment.Length)
            {
                throw new InvalidGlobException(pattern, "a '[' is not closed by ']'");
            }

            // A ']' right after the '[' (or '[!') is a member, not the end, as in git and the shell.
            if (segment[i] == ']' && !first)
            {
                break;
            }

            if (segment[i] == '[' && i + 1 < segment.Length && segment[i + 1] == ':')
            {
                throw new InvalidGlobException(pattern, "named classes such as [:alpha:] are not supported; list the characters, e.g. [a-z]");
            }

            var low = ReadClassCharacter(pattern, segment, ref i);
            if (i + 1 < segment.Length && segment[i] == '-' && segment[i + 1] != ']')
            {
                i++;
                var high = ReadClassCharacter(pattern, segment, ref i);
                if (high < low)
                {
                    throw new InvalidGlobException(pattern, $"the range {low}-{high} is reversed");
                }

                members.Append(Escape(low)).Append('-').Append(Escape(high));
            }
            else
            {
                members.Append(Escape(low));
            }

            first = false;
        }

        // A class never matches the folder separator, whatever it lists.
        regex.Append(negated ? $"[^{members}/]" : $"[{members}-[/]]");
        return i;
    }

    private static char ReadClassCharacter(string pattern, string segment, ref int i)
    {
        if (segment[i] == '\\')
        {
            if (++i >= segment.Length)
            {
                throw new InvalidGlobException(pattern, "a '[' is not closed by ']'");
            }
        }

        return segment[i++];
    }

    private static void AppendLiteral(StringBuilder regex, char c) => regex.Append(Escape(c));

    private static string Escape(char c) => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
}
