using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Verso.Agents.Decisions;
using Verso.Agents.Identity;
using Verso.Agents.Organization;
using Verso.Agents.Workflows;
using Verso.Model.Kinds;

namespace Verso.Agents.Serialization;

/// <summary>How the agent-organization records map to JSON.</summary>
public static class AgentJson
{
    /// <summary>
    /// The kinds' defaults (snake_case names and enums) plus: optional members that are null are left
    /// out, as the records' files leave them out, so a record and its file hash the same; timestamps are
    /// written in one UTC form; a member the record does not declare fails deserialization instead of
    /// being dropped, so re-saving an old version can never silently lose a field. The records' metadata is
    /// source-generated (<see cref="AgentJsonContext"/>), so they serialize without reflection; other types
    /// fall back to reflection where it is enabled.
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
        // Each enum's own converter, ahead of the kinds' reflection-made one, which NativeAOT cannot build.
        JsonConverter[] enums =
        [
            Snake<AccessLevel>(), Snake<AgentStatus>(), Snake<AutonomyLevel>(), Snake<Intensity>(), Snake<MemoryType>(),
            Snake<SeniorityLevel>(), Snake<SkillLevel>(), Snake<BudgetPeriod>(), Snake<BudgetScope>(), Snake<OverspendAction>(),
            Snake<Verbosity>(), Snake<DecisionOutcome>(), Snake<EdgeType>(), Snake<NodeType>(), Snake<WorkflowType>(),
        ];
        for (var i = 0; i < enums.Length; i++)
        {
            options.Converters.Insert(i, enums[i]);
        }

        options.Converters.Add(new UtcTimestampConverter());
        options.TypeInfoResolver = JsonSerializer.IsReflectionEnabledByDefault ? WithReflection(AgentJsonContext.Default) : AgentJsonContext.Default;
        options.MakeReadOnly();
        return options;
    }

    /// <summary>The enums this domain's records hold, each written as its snake_case name.</summary>
    internal static JsonConverter Snake<TEnum>()
        where TEnum : struct, Enum => new JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Called only when reflection-based serialization is enabled, which NativeAOT and trimmed applications turn off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Called only when reflection-based serialization is enabled, which NativeAOT and trimmed applications turn off.")]
    private static IJsonTypeInfoResolver WithReflection(IJsonTypeInfoResolver generated) =>
        JsonTypeInfoResolver.Combine(generated, new DefaultJsonTypeInfoResolver());
}
