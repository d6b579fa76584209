using System.Text;
using System.Text.Json;

namespace Verso.Sqlite;

// Parameters for json_each(): written with Utf8JsonWriter, because the NativeAOT/trimmed `verso` runs with
// reflection-based JsonSerializer disabled (JsonSerializer.Serialize of an array threw there: prune and erase failed).
internal static class SqliteJsonArrays
{
    public static string Of(IEnumerable<int> values) => Write(writer =>
    {
        foreach (var value in values)
        {
            writer.WriteNumberValue(value);
        }
    });

    public static string Of(IEnumerable<string> values) => Write(writer =>
    {
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }
    });

    private static string Write(Action<Utf8JsonWriter> items)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartArray();
            items(writer);
            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
