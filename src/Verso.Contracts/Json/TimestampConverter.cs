using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Json;

/// <summary>
/// Writes a time as every face of Verso always has: UTC, <c>Z</c>, up to six fraction digits and no trailing
/// zeros (<c>2026-12-06T09:05:09.1234Z</c>). The default converter would write an offset and seven digits.
/// </summary>
public sealed class TimestampConverter : JsonConverter<DateTimeOffset>
{
    /// <summary>The format written: the same as <c>Verso.Naming.Timestamp.Format</c>.</summary>
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("a time must be a string"), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
    }
}
