using System.Text.Json;
using System.Text.Json.Serialization;
using Verso.Kinds;

namespace Verso.Agents.Serialization;

/// <summary>How the agent-organization records map to JSON.</summary>
public static class AgentJson
{
    /// <summary>
    /// The kinds' defaults (snake_case names and enums) plus: optional members that are null are left
    /// out, as the records' files leave them out, so a record and its file hash the same; timestamps are
    /// written in one UTC form; a member the record does not declare fails deserialization instead of
    /// being dropped, so re-saving an old version can never silently lose a field.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(EntityKind<object>.DefaultSerializerOptions)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new UtcTimestampConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
