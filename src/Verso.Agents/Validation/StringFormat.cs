using System.Globalization;
using System.Text.RegularExpressions;

namespace Verso.Agents.Validation;

/// <summary>A rule a string value must follow beyond being a string, with the words that explain it.</summary>
public sealed partial class StringFormat
{
    private readonly Func<string, bool> _isValid;

    /// <summary>Creates a format.</summary>
    /// <param name="description">What a valid value looks like, completing "must be …".</param>
    /// <param name="isValid">Whether a value follows the format.</param>
    public StringFormat(string description, Func<string, bool> isValid)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(isValid);
        Description = description;
        _isValid = isValid;
    }

    /// <summary>What a valid value looks like, completing "must be …".</summary>
    public string Description { get; }

    /// <summary>
    /// An ISO 8601 timestamp in UTC: <c>2026-11-01T12:00:00Z</c>, optionally with up to seven fractional
    /// digits, ending in <c>Z</c> or <c>+00:00</c>. Any other offset is refused rather than converted, so
    /// a record never hides a local time.
    /// </summary>
    public static StringFormat UtcTimestamp { get; } = new(
        "an ISO 8601 UTC timestamp such as 2026-11-01T12:00:00Z (ending in Z or +00:00)",
        value => TimestampPattern().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _));

    /// <summary>A calendar day: <c>2026-11-01</c>, a date that exists.</summary>
    public static StringFormat CalendarDate { get; } = new(
        "a date such as 2026-11-01",
        value => DatePattern().IsMatch(value)
            && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));

    /// <summary>A Semantic Versioning 2.0.0 version such as <c>1.4.0</c> or <c>2.0.0-rc.1+build.5</c>.</summary>
    public static StringFormat SemVer { get; } = new(
        "a semantic version such as 1.2.0",
        value => SemVerPattern().IsMatch(value));

    /// <summary>An entity id: <c>[A-Za-z0-9][A-Za-z0-9._-]{0,127}</c>, safe as a file name.</summary>
    public static StringFormat EntityId { get; } = new(
        "an id of 1 to 128 letters, digits, '.', '_' or '-', starting with a letter or digit",
        value => EntityIdPattern().IsMatch(value));

    /// <summary>A pinned agent version: <c>agent/&lt;id&gt;@&lt;version&gt;</c>, e.g. <c>agent/alice@3</c>.</summary>
    public static StringFormat PinnedAgentRef { get; } = new(
        "a pinned agent version such as agent/alice@3",
        value => PinnedAgentPattern().IsMatch(value));

    /// <summary>A content hash: <c>sha256:</c> and 64 lowercase hex digits.</summary>
    public static StringFormat ContentHash { get; } = new(
        "a content hash: sha256: and 64 lowercase hex digits",
        value => ContentHashPattern().IsMatch(value));

    /// <summary>An ISO 4217 currency code: three capital letters such as <c>USD</c>.</summary>
    public static StringFormat CurrencyCode { get; } = new(
        "a three-letter ISO 4217 currency code such as USD",
        value => CurrencyPattern().IsMatch(value));

    /// <summary>Any string with at least one character that is not white space.</summary>
    public static StringFormat NotBlank { get; } = new("a non-blank string", value => !string.IsNullOrWhiteSpace(value));

    /// <summary>Whether <paramref name="value"/> follows the format.</summary>
    public bool IsValid(string value) => _isValid(value);

    /// <inheritdoc />
    public override string ToString() => Description;

    // \z rather than $ throughout: $ would also accept a trailing newline.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|\+00:00)\z", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    [GeneratedRegex(
        @"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)" +
        @"(-(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(\.(0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*)?" +
        @"(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?\z",
        RegexOptions.CultureInvariant)]
    private static partial Regex SemVerPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex EntityIdPattern();

    [GeneratedRegex(@"^agent/[A-Za-z0-9][A-Za-z0-9._-]{0,127}@[1-9][0-9]{0,9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex PinnedAgentPattern();

    [GeneratedRegex(@"^sha256:[0-9a-f]{64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ContentHashPattern();

    [GeneratedRegex(@"^[A-Z]{3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyPattern();
}
