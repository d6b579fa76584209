using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Verso.Agents.Decisions;
using Verso.Agents.Kinds;

namespace Verso.Files.Squad;

// How a Squad import writes its records as JSON, without reflection (a NativeAOT build has none).
internal static class TeamDecisionJson
{
    // The decision kind's options resolve TeamDecision from their source-generated metadata.
    public static JsonTypeInfo<TeamDecision> TypeInfo { get; } =
        (JsonTypeInfo<TeamDecision>)AgentKinds.Decision.SerializerOptions.GetTypeInfo(typeof(TeamDecision));

    // {"text": …}: a team file kept as its text.
    public static byte[] TextRecord(string text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("text", text);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
