using System.Text.Json;

namespace Verso.Snapshots;

/// <summary>
/// Where an imported version came from: the git commit and the path of the file in it. A version whose
/// <see cref="Deleted"/> is true records that the file was deleted in that commit; its content is the
/// empty record.
/// </summary>
/// <param name="Commit">The full commit id.</param>
/// <param name="Path">The file's path in the repository, with forward slashes.</param>
/// <param name="Deleted">The commit deleted the file.</param>
public sealed record VersionSource(string Commit, string Path, bool Deleted = false)
{
    /// <summary>The form stores keep: <c>{"commit":…,"deleted":…,"path":…}</c>, keys in canonical order.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes this source as a JSON object value, the one shape stores, chain and output share.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("commit", Commit);
        writer.WriteBoolean("deleted", Deleted);
        writer.WriteString("path", Path);
        writer.WriteEndObject();
    }

    /// <summary>Reads the form <see cref="ToJson"/> writes.</summary>
    /// <exception cref="JsonException">The text is not such an object.</exception>
    public static VersionSource FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new VersionSource(
            root.GetProperty("commit").GetString() ?? throw new JsonException("source.commit is null"),
            root.GetProperty("path").GetString() ?? throw new JsonException("source.path is null"),
            root.TryGetProperty("deleted", out var deleted) && deleted.GetBoolean());
    }
}
