using System.Globalization;
using Verso.Errors;
using Verso.Documents.Hashing;

namespace Verso.Naming;

/// <summary>
/// Names one version of an entity as users write it: <c>agent/alice</c> (latest), <c>agent/alice@3</c>,
/// or <c>agent/alice@sha256:1a2b3c4d</c> (a unique prefix of at least 8 hex digits).
/// </summary>
public sealed record VersionRef
{
    private VersionRef(EntityKey key, VersionSelector selector, int version, ContentHashPrefix hash, DateTimeOffset time = default, string? tag = null)
    {
        Tag = tag;
        Key = key;
        Selector = selector;
        Version = version;
        Hash = hash;
        Time = time;
    }

    /// <summary>The entity.</summary>
    public EntityKey Key { get; }

    /// <summary>How the version is picked.</summary>
    public VersionSelector Selector { get; }

    /// <summary>The version number when <see cref="Selector"/> is <see cref="VersionSelector.Number"/>; otherwise 0.</summary>
    public int Version { get; }

    /// <summary>The hash prefix when <see cref="Selector"/> is <see cref="VersionSelector.Hash"/>.</summary>
    public ContentHashPrefix Hash { get; }

    /// <summary>The instant when <see cref="Selector"/> is <see cref="VersionSelector.AsOf"/>, in UTC.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>The tag name when <see cref="Selector"/> is <see cref="VersionSelector.Tag"/>.</summary>
    public string? Tag { get; }

    /// <summary>The version a tag of an entity points at.</summary>
    /// <exception cref="InvalidNameException">The tag name breaks the rule.</exception>
    public static VersionRef ForTag(EntityKey key, string tag) => new(key, VersionSelector.Tag, 0, default, default, TagNames.Validate(tag));

    /// <summary>The version of an entity in force at a time.</summary>
    public static VersionRef AsOf(EntityKey key, DateTimeOffset time) => new(key, VersionSelector.AsOf, 0, default, time.ToUniversalTime());

    /// <summary>The head of an entity.</summary>
    public static VersionRef Latest(EntityKey key) => new(key, VersionSelector.Latest, 0, default);

    /// <summary>One numbered version of an entity.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The version is less than 1.</exception>
    public static VersionRef ForVersion(EntityKey key, int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return new(key, VersionSelector.Number, version, default);
    }

    /// <summary>The version of an entity whose hash starts with a prefix.</summary>
    public static VersionRef ForHash(EntityKey key, ContentHashPrefix prefix) => new(key, VersionSelector.Hash, 0, prefix);

    /// <summary>Parses a ref.</summary>
    /// <exception cref="InvalidNameException">The text is not a ref.</exception>
    public static VersionRef Parse(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        var key = EntityKey.Parse(at < 0 ? text : text[..at]);
        if (at < 0)
        {
            return Latest(key);
        }

        var selector = text[(at + 1)..];
        if (selector.Length > 0 && selector.All(char.IsAsciiDigit))
        {
            if (!int.TryParse(selector, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                throw new InvalidNameException("ref", text, "a version number is a whole number from 1");
            }

            return ForVersion(key, number);
        }

        if (selector.StartsWith(ContentHash.Prefix, StringComparison.Ordinal))
        {
            return ContentHashPrefix.TryParse(selector, out var prefix)
                ? ForHash(key, prefix)
                : throw new InvalidNameException("ref", text, $"a hash is sha256: followed by {ContentHashPrefix.MinimumLength} to 64 hex digits");
        }

        if (TagNames.IsValid(selector))
        {
            return ForTag(key, selector);
        }

        if (selector.StartsWith('{') && selector.EndsWith('}'))
        {
            return Timestamp.TryParseUtc(selector[1..^1], out var time)
                ? AsOf(key, time)
                : throw new InvalidNameException("ref", text, "a time is ISO 8601 in UTC, e.g. @{2026-11-01T12:00:00Z}");
        }

        throw new InvalidNameException("ref", text, "expected KIND/ID, KIND/ID@VERSION, KIND/ID@sha256:HEX, KIND/ID@TAG or KIND/ID@{TIME}");
    }

    /// <summary>The ref as users write it.</summary>
    public override string ToString() => Selector switch
    {
        VersionSelector.Number => $"{Key}@{Version.ToString(CultureInfo.InvariantCulture)}",
        VersionSelector.Hash => $"{Key}@{Hash}",
        VersionSelector.AsOf => $"{Key}@{{{Timestamp.Format(Time)}}}",
        VersionSelector.Tag => $"{Key}@{Tag}",
        _ => Key.ToString(),
    };
}
