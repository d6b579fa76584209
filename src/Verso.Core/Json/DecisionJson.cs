using System.Text.Json;
using Verso.Hashing;
using Verso.Naming;

namespace Verso.Json;

/// <summary>The JSON shape of a recorded decision: <c>{ref, hash, pinned_charters: ["agent/alice@3 sha256:…"]}</c>.</summary>
public static class DecisionJson
{
    /// <summary>Writes the decision's version and the charters it pins, each as <c>ref hash</c>.</summary>
    public static void Write(Utf8JsonWriter writer, VersionRef reference, ContentHash hash, IEnumerable<string> pins)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(pins);
        writer.WriteStartObject();
        writer.WriteString("ref", reference.ToString());
        writer.WriteString("hash", hash.ToString());
        writer.WriteStartArray("pinned_charters");
        foreach (var pin in pins)
        {
            writer.WriteStringValue(pin);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
