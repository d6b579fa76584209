namespace Verso.Files.Git;

/// <summary>Checks the text of git object ids: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.</summary>
internal static class GitObjectId
{
    /// <summary>Whether <paramref name="text"/> is a full object id.</summary>
    public static bool IsValid(string text) =>
        text.Length is 40 or 64 && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Whether the id is all zeros: git's "no object" in raw diffs.</summary>
    public static bool IsNull(string text) => text.All(c => c == '0');
}
