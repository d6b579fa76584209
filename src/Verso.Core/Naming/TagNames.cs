using System.Text.RegularExpressions;
using Verso.Errors;

namespace Verso.Naming;

/// <summary>Tag names: <c>[a-z][a-z0-9._-]{0,63}</c> — they start with a letter, so a tag is never a version number.</summary>
public static partial class TagNames
{
    /// <summary>Whether <paramref name="name"/> is a valid tag name.</summary>
    public static bool IsValid(string name) => Pattern().IsMatch(name);

    /// <summary>Checks a tag name.</summary>
    /// <exception cref="InvalidNameException">The name breaks the rule.</exception>
    public static string Validate(string name) =>
        IsValid(name) ? name : throw new InvalidNameException("tag", name, "use 1-64 of a-z 0-9 . _ -, starting with a letter");

    [GeneratedRegex(@"^[a-z][a-z0-9._-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
