using System.Text;
using System.Text.Json;

namespace Verso.Sqlite;

// A list handed to SQLite as one parameter that `json_each` unrolls (SQLite has no array parameters).
// Written with Utf8JsonWriter rather than JsonSerializer.Serialize<T>, whose reflection path is not
// trim- or AOT-safe (IL2026/IL3050) and fails the native tool's build.
internal static class SqliteJsonArray
{
    public static string Of(IEnumerable<int> values)
    {
        return Write(values, static (writer, value) => writer.WriteNumberValue(value));
    }

    public static string Of(IEnumerable<string> values)
    {
        return Write(values, static (writer, value) => writer.WriteStringValue(value));
    }

    private static string Write<T>(IEnumerable<T> values, Action<Utf8JsonWriter, T> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
            {
                write(writer, value);
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
