using System.Globalization;

namespace Verso.Naming;

/// <summary>Instants as Verso writes and reads them: ISO 8601, always UTC.</summary>
public static class Timestamp
{
    /// <summary>Parses ISO 8601 with an explicit UTC designator (<c>Z</c> or <c>+00:00</c>).</summary>
    public static bool TryParseUtc(string? text, out DateTimeOffset time)
    {
        time = default;
        if (text is null || !(text.EndsWith('Z') || text.EndsWith("+00:00", StringComparison.Ordinal)))
        {
            return false;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        time = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>Writes an instant as ISO 8601 UTC, with fractions only when there are any.</summary>
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);
}
