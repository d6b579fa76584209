namespace Verso.Documents.Hashing;

/// <summary>
/// The start of a content hash, as users type it to name a version: at least
/// <see cref="MinimumLength"/> hex digits, with or without the <c>sha256:</c> prefix.
/// </summary>
public readonly record struct ContentHashPrefix
{
    /// <summary>The fewest hex digits a prefix may have, so that a prefix is rarely ambiguous.</summary>
    public const int MinimumLength = 8;

    private ContentHashPrefix(string hex) => Hex = hex;

    /// <summary>The lowercase hex digits of the prefix.</summary>
    public string Hex { get; }

    /// <summary>Whether the prefix is a whole hash.</summary>
    public bool IsComplete => Hex.Length == ContentHash.HexLength;

    /// <summary>Tries to parse <c>sha256:1a2b3c4d…</c> or <c>1a2b3c4d…</c>.</summary>
    public static bool TryParse(string? text, out ContentHashPrefix prefix)
    {
        prefix = default;
        if (text is null)
        {
            return false;
        }

        var hex = text.StartsWith(ContentHash.Prefix, StringComparison.Ordinal) ? text[ContentHash.Prefix.Length..] : text;
        if (hex.Length < MinimumLength || hex.Length > ContentHash.HexLength || !ContentHash.IsHex(hex))
        {
            return false;
        }

        prefix = new ContentHashPrefix(hex.ToLowerInvariant());
        return true;
    }

    /// <summary>The prefix as <c>sha256:&lt;hex&gt;</c>.</summary>
    public override string ToString() => ContentHash.Prefix + Hex;
}
