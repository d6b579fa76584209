using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verso.Contracts.Json;

/// <summary>Writes <see cref="RawJson"/> byte for byte; reads any JSON value as its bytes.</summary>
public sealed class RawJsonConverter : JsonConverter<RawJson>
{
    /// <inheritdoc />
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        // The value's own text, not a re-serialization: a client reading an answer keeps the server's bytes.
        return new RawJson(System.Text.Encoding.UTF8.GetBytes(document.RootElement.GetRawText()));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
    }
}
