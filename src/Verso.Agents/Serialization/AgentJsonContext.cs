using System.Text.Json.Serialization;
using Verso.Agents.Decisions;
using Verso.Agents.Identity;
using Verso.Agents.Organization;
using Verso.Agents.Roles;
using Verso.Agents.Workflows;

namespace Verso.Agents.Serialization;

/// <summary>
/// Compile-time JSON metadata for every record the kinds map, so that they serialize without reflection
/// (a NativeAOT build of the CLI has none). Metadata only: names, nulls, unmapped members and converters
/// come from <see cref="AgentJson.SerializerOptions"/> at run time, so both paths write the same bytes.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(AgentIdentity))]
[JsonSerializable(typeof(RoleDefinition))]
[JsonSerializable(typeof(WorkflowDefinition))]
[JsonSerializable(typeof(CompanyConfig))]
[JsonSerializable(typeof(BudgetConfig))]
[JsonSerializable(typeof(HiringTemplate))]
[JsonSerializable(typeof(ToolPolicy))]
[JsonSerializable(typeof(PromptProfile))]
[JsonSerializable(typeof(DecisionRecord))]
[JsonSerializable(typeof(TeamDecision))]
[JsonSerializable(typeof(DecisionOutcome))]
[JsonSerializable(typeof(Tools.McpTool))]
internal sealed partial class AgentJsonContext : JsonSerializerContext;
