using System.Globalization;
using System.Text;
using System.Text.Json;
using Verso.Canonical;
using Verso.Hashing;
using Verso.Snapshots;

namespace Verso.Integrity;

/// <summary>
/// The link that makes history tamper-evident: the SHA-256 of the canonical JSON of a version's metadata,
/// its content hash and its predecessor's chain hash. Changing any stored field of a version, or removing
/// one, breaks a link that <see cref="IntegrityVerifier"/> finds.
/// </summary>
public static class ChainHash
{
    /// <summary>Computes the chain hash of <paramref name="snapshot"/> after a predecessor with chain hash <paramref name="previous"/> (null for version 1).</summary>
    public static ContentHash Compute(ContentHash? previous, Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("previous", previous?.ToString() ?? "");
            writer.WriteString("kind", snapshot.Key.Kind);
            writer.WriteString("id", snapshot.Key.Id);
            writer.WriteNumber("version", snapshot.Version);
            writer.WriteString("hash", snapshot.Hash.ToString());
            writer.WriteString("saved_by", snapshot.SavedBy);
            // Microseconds: what every store keeps, so the link computed at append matches the one read back.
            writer.WriteNumber("saved_at", (snapshot.SavedAt.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10);
            writer.WriteString("message", snapshot.Message ?? "");
            writer.WriteString("operation", snapshot.Operation.ToName());
            writer.WriteNumber("schema_version", snapshot.SchemaVersion);
            writer.WriteString("revert_of", snapshot.RevertOf?.ToString(CultureInfo.InvariantCulture) ?? "");
            // Written only when present, so the links of versions stored before sources existed still hold.
            if (snapshot.Source is { } source)
            {
                writer.WritePropertyName("source");
                source.WriteTo(writer);
            }
            writer.WriteEndObject();
        }

        return ContentHash.Compute(CanonicalJson.Canonicalize(buffer.ToArray()));
    }
}
