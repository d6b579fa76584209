using System.Text;

namespace Verso.Files.Squad;

/// <summary>Lowercase ASCII slugs for ids made from titles and names: <c>Vue app: decided!</c> → <c>vue-app-decided</c>.</summary>
internal static class Slug
{
    /// <summary>The slug of <paramref name="text"/>, at most <paramref name="maxLength"/> characters; empty when nothing ASCII is left.</summary>
    public static string Of(string text, int maxLength = 96)
    {
        var slug = new StringBuilder(Math.Min(text.Length, maxLength));
        foreach (var c in text)
        {
            if (slug.Length >= maxLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    /// <summary>
    /// <paramref name="id"/>, or <c>id-2</c>, <c>id-3</c> … when taken, kept within the 128 characters of an
    /// entity id; the chosen id is added to <paramref name="taken"/>.
    /// </summary>
    public static string Unique(string id, ISet<string> taken)
    {
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $"-{n}";
            candidate = id[..Math.Min(id.Length, 128 - suffix.Length)] + suffix;
        }

        return candidate;
    }
}
