using System.Text.Json;
using Verso.Documents.Canonical;
using Verso.Documents.Hashing;
using Verso.Model.Snapshots;
using Verso.Storage;

namespace Verso.Storage.Integrity;

// The digests a checkpoint keeps of what has no chain of its own in the store: a tag's moves, an
// entity's content removals. Canonical JSON of the rows, so any edit to a field changes the digest.
internal static class CheckpointDigest
{
    public static ContentHash OfMoves(IEnumerable<TagMove> moves) => Digest(writer =>
    {
        foreach (var move in moves)
        {
            writer.WriteStartObject();
            writer.WriteString("name", move.Name);
            WriteNumberOrNull(writer, "from", move.FromVersion);
            writer.WriteNumber("to", move.ToVersion);
            writer.WriteString("by", move.MovedBy);
            writer.WriteNumber("at", Microseconds(move.MovedAt));
            WriteStringOrNull(writer, "reason", move.Reason);
            writer.WriteEndObject();
        }
    });

    public static ContentHash OfRemovals(IEnumerable<(int Version, ContentRemoval Removal)> removals) => Digest(writer =>
    {
        foreach (var (version, removal) in removals)
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", version);
            writer.WriteString("kind", removal.Verb);
            writer.WriteString("by", removal.RemovedBy);
            writer.WriteNumber("at", Microseconds(removal.RemovedAt));
            WriteStringOrNull(writer, "reason", removal.Reason);
            writer.WriteEndObject();
        }
    });

    private static ContentHash Digest(Action<Utf8JsonWriter> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            rows(writer);
            writer.WriteEndArray();
        }

        return ContentHash.Compute(CanonicalJson.Canonicalize(buffer.ToArray()));
    }

    private static long Microseconds(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    private static void WriteNumberOrNull(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
