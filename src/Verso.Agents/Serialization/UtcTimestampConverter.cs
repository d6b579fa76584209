using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verso.Agents.Serialization;

/// <summary>
/// Reads timestamps that are UTC and writes them in one form: <c>2026-11-01T12:00:00Z</c>, fractional
/// seconds only when present and without trailing zeros. One form keeps a typed record's hash stable;
/// a non-UTC offset is refused rather than converted, because a converted time would hash differently
/// from the text the user wrote.
/// </summary>
internal sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is null
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value)
            || value.Offset != TimeSpan.Zero)
        {
            throw new JsonException($"'{text}' is not an ISO 8601 UTC timestamp");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);

        // A UTC DateTime is written ISO 8601 with a Z and trailing fractional zeros trimmed.
        writer.WriteStringValue(value.UtcDateTime);
    }
}
