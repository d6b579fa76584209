using System.Globalization;
using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Model.Snapshots;

namespace Verso.Storage.Integrity;

/// <summary>
/// The link that makes history tamper-evident: the SHA-256 of the canonical JSON of a version's metadata,
/// its content hash and its predecessor's chain hash. Changing any stored field of a version, or removing
/// one, breaks a link that <see cref="IntegrityVerifier"/> finds.
/// </summary>
public static class ChainHash
{
    /// <summary>The chain format written since message and source absence were told apart from empty values.</summary>
    public const int CurrentFormat = 2;

    /// <summary>Computes the chain hash of <paramref name="snapshot"/> after a predecessor with chain hash <paramref name="previous"/> (null for version 1).</summary>
    /// <remarks>
    /// Format 2: an absent message or source is hashed as JSON null, so a message changed from none to
    /// empty (or back) breaks the link; format 1 hashed both as the empty string.
    /// </remarks>
    public static ContentHash Compute(ContentHash? previous, Snapshot snapshot) => Compute(previous, snapshot, CurrentFormat);

    /// <summary>
    /// Whether <paramref name="stored"/> is the link of <paramref name="snapshot"/> after <paramref name="previous"/>
    /// in the current format or, for versions written before it, in format 1. A stored format-2 link never
    /// matches a format-1 computation (the format is part of what is hashed), so a tamper cannot downgrade it.
    /// </summary>
    public static bool Matches(ContentHash? previous, Snapshot snapshot, ContentHash stored) =>
        Compute(previous, snapshot, CurrentFormat) == stored || Compute(previous, snapshot, 1) == stored;

    private static ContentHash Compute(ContentHash? previous, Snapshot snapshot, int format)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var buffer = new PooledByteBuffer(512 + (snapshot.Message?.Length ?? 0) * 3);
        return ChainRecordWriter.TryWrite(buffer, previous, snapshot, format)
            ? ContentHash.Compute(buffer.WrittenSpan)
            : ComputeThroughJson(previous, snapshot, format);
    }

    /// <summary>
    /// The link built as a JSON object and canonicalized, as it was computed before the direct writer; now
    /// only for text that is not valid UTF-16, so that such text is treated exactly as it always was.
    /// </summary>
    private static ContentHash ComputeThroughJson(ContentHash? previous, Snapshot snapshot, int format)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (format >= 2)
            {
                writer.WriteNumber("chain_format", format);
            }

            writer.WriteString("previous", previous?.ToString() ?? "");
            writer.WriteString("kind", snapshot.Key.Kind);
            writer.WriteString("id", snapshot.Key.Id);
            writer.WriteNumber("version", snapshot.Version);
            writer.WriteString("hash", snapshot.Hash.ToString());
            writer.WriteString("saved_by", snapshot.SavedBy);
            writer.WriteNumber("saved_at", (snapshot.SavedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
            if (format >= 2 && snapshot.Message is null)
            {
                writer.WriteNull("message");
            }
            else
            {
                writer.WriteString("message", snapshot.Message ?? "");
            }

            writer.WriteString("operation", snapshot.Operation.ToName());
            writer.WriteNumber("schema_version", snapshot.SchemaVersion);
            writer.WriteString("revert_of", snapshot.RevertOf?.ToString(CultureInfo.InvariantCulture) ?? "");
            if (snapshot.Source is { } source)
            {
                writer.WritePropertyName("source");
                source.WriteTo(writer);
            }
            else if (format >= 2)
            {
                writer.WriteNull("source");
            }

            writer.WriteEndObject();
        }

        return ContentHash.Compute(CanonicalJson.Canonicalize(buffer.ToArray()));
    }
}
