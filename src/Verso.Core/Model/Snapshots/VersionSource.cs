using System.Collections.Immutable;
using System.Text.Json;

namespace Verso.Model.Snapshots;

/// <summary>
/// Where a version came from, when it came from somewhere other than a plain save: the git commit and
/// file it was imported from, or the change request it applies (with the people who approved it). A
/// version whose <see cref="Deleted"/> is true records that the file was deleted in that commit; its
/// content is the empty record.
/// </summary>
/// <param name="Commit">The full commit id; empty for an applied change request.</param>
/// <param name="Path">The file's path in the repository, with forward slashes; empty for an applied change request.</param>
/// <param name="Deleted">The commit deleted the file.</param>
public sealed record VersionSource(string Commit, string Path, bool Deleted = false)
{
    /// <summary>For an applied change request: its id, e.g. <c>cr-17</c>; null for an import.</summary>
    public string? ChangeRequest { get; init; }

    /// <summary>For an applied change request: who approved it, ordered; empty for an import.</summary>
    public ImmutableArray<string> Approvers { get; init; } = [];

    /// <summary>The source of a version that applies change request <paramref name="id"/>, approved by <paramref name="approvers"/>.</summary>
    public static VersionSource ForChangeRequest(string id, IEnumerable<string> approvers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(approvers);
        return new VersionSource("", "")
        {
            ChangeRequest = id,
            Approvers = [.. approvers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
    }

    /// <summary>
    /// The form stores keep: <c>{"commit":…,"deleted":…,"path":…}</c> for an import,
    /// <c>{"approvers":[…],"request":…}</c> for an applied change request; keys in canonical order.
    /// </summary>
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
        if (ChangeRequest is { } request)
        {
            writer.WriteStartArray("approvers");
            foreach (var approver in Approvers)
            {
                writer.WriteStringValue(approver);
            }

            writer.WriteEndArray();
            writer.WriteString("request", request);
        }
        else
        {
            // The import form is unchanged since it was introduced, so the chain links of imported versions still hold.
            writer.WriteString("commit", Commit);
            writer.WriteBoolean("deleted", Deleted);
            writer.WriteString("path", Path);
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads the form <see cref="ToJson"/> writes.</summary>
    /// <exception cref="JsonException">The text is not such an object.</exception>
    public static VersionSource FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("request", out var request))
        {
            return ForChangeRequest(
                request.GetString() ?? throw new JsonException("source.request is null"),
                root.GetProperty("approvers").EnumerateArray().Select(a => a.GetString() ?? throw new JsonException("source.approvers holds null")));
        }

        return new VersionSource(
            root.GetProperty("commit").GetString() ?? throw new JsonException("source.commit is null"),
            root.GetProperty("path").GetString() ?? throw new JsonException("source.path is null"),
            root.TryGetProperty("deleted", out var deleted) && deleted.GetBoolean());
    }

    /// <summary>Compares every field, the approvers item by item.</summary>
    public bool Equals(VersionSource? other) =>
        other is not null
        && Commit == other.Commit
        && Path == other.Path
        && Deleted == other.Deleted
        && ChangeRequest == other.ChangeRequest
        && Approvers.SequenceEqual(other.Approvers);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Commit, Path, Deleted, ChangeRequest);
}
