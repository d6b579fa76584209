using System.Collections.Immutable;
using Verso.Agents.Decisions;
using Verso.Agents.Identity;
using Verso.Agents.Roles;
using Verso.Agents.Schemas;
using Verso.Agents.Serialization;
using Verso.Agents.Tools;
using Verso.Agents.Workflows;
using Verso.Documents.Canonical;
using Verso.Documents.Diff;
using Verso.Model.Kinds;

namespace Verso.Agents.Kinds;

/// <summary>
/// The kinds of the agent-organization domain. Each is one shared instance, so every registry gets the
/// same kind and typed collections made from these properties match what a registry resolves.
/// </summary>
/// <remarks>
/// <para>
/// Every kind is schema version 1, serializes with <see cref="AgentJson.SerializerOptions"/> and validates
/// with its own <see cref="Validation.RecordValidator"/>. Its array rules name keyed arrays (diffed and
/// merged by the key, which the validator keeps unique) and sets (order ignored, repeats refused).
/// </para>
/// <para>
/// Behaviour fields are RFC 6901 pointers in which a <c>*</c> segment matches any one segment (an array
/// index or a member name). A difference counts as behavioural when its path is at or under a listed
/// pattern, or above one: a difference at <c>/nodes/3</c> adds, removes or replaces a whole node, so it
/// changes <c>/nodes/3/type</c> too. Anything not covered — names, descriptions, labels, canvas positions,
/// department and level of an agent — is presentation, and a replay across it is compatible.
/// </para>
/// </remarks>
public static partial class AgentKinds
{
    /// <summary>
    /// <c>agent</c>: an <see cref="AgentIdentity"/> with its charter; id from <c>id</c>. Volatile:
    /// <c>/status</c>, runtime state. Skills keyed by id; traits, tool lists and authority lists are sets.
    /// Behaviour: charter, model, tools, autonomy, authority, role, personality, skills, memory.
    /// </summary>
    public static EntityKind<AgentIdentity> Agent { get; } = new("agent", a => a.Id)
    {
        VolatileFields = JsonPointerSet.Of("/status"),
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = AgentSchema.Validator,
        DiffRules = ProfileDiffRules,
        BehaviourFields = ["/charter", "/model", "/tools", "/autonomy_level", "/authority", "/role", "/personality", "/skills", "/memory"],
        Tools = new DeclaredTools("tools"),
    };

    /// <summary>
    /// <c>tool</c>: an <see cref="McpTool"/>, MCP's Tool object; id from <c>name</c>. Nothing volatile.
    /// Compat compares two versions as one tool, its <c>inputSchema</c> as input and its <c>outputSchema</c>
    /// as output (<see cref="Verso.Versioning.Tools.ToolComparison"/>); agents and tool policies use a version as <c>tool/ID@N</c>.
    /// </summary>
    public static EntityKind<McpTool> Tool { get; } = new("tool", t => t.Name)
    {
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = ToolSchema.Validator,
        BehaviourFields = ["/name", "/inputSchema", "/outputSchema", "/annotations"],
        Tools = SingleTool.Instance,
    };

    /// <summary>
    /// <c>role</c>: a <see cref="RoleDefinition"/>; id from <c>id</c>. Nothing volatile. Skills are a set.
    /// Behaviour: skills and the system prompt template.
    /// </summary>
    public static EntityKind<RoleDefinition> Role { get; } = new("role", r => r.Id)
    {
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = RoleSchema.Validator,
        DiffRules = new DiffRules { Sets = ["/skills"] },
        BehaviourFields = ["/skills", "/system_prompt_template"],
    };

    /// <summary>
    /// <c>workflow</c>: a <see cref="WorkflowDefinition"/>; id from <c>id</c>. Volatile: <c>/updated_at</c>
    /// and <c>/revision</c>, an editor's bookkeeping. Nodes and edges keyed by id, inputs and outputs by
    /// name. Behaviour: type, sub-workflow flag, inputs, outputs, node types and config, edge endpoints and
    /// types — not node or edge labels, canvas positions, name, description or the author's semver.
    /// </summary>
    public static EntityKind<WorkflowDefinition> Workflow { get; } = new("workflow", w => w.Id)
    {
        VolatileFields = JsonPointerSet.Of("/updated_at", "/revision"),
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = WorkflowSchema.Validator,
        DiffRenderer = WorkflowDiffRenderer.Instance,
        DiffRules = new DiffRules
        {
            IdentityKeys = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["/nodes"] = "id",
                ["/edges"] = "id",
                ["/inputs"] = "name",
                ["/outputs"] = "name",
            }),
        },
        BehaviourFields =
        [
            "/workflow_type", "/is_subworkflow", "/inputs", "/outputs",
            "/nodes/*/type", "/nodes/*/config",
            "/edges/*/source", "/edges/*/target", "/edges/*/type",
        ],
    };

    /// <summary>
    /// <c>decision</c>: a <see cref="DecisionRecord"/>; the entity is the task, id from <c>task_id</c>, so
    /// each decision about a task is its next version. Nothing volatile: a decision is an audit record.
    /// Pinned charters keyed by ref. Every field counts as behaviour. The kind also holds
    /// <see cref="TeamDecision"/>s (a team's decisions in its own words, such as Squad's), told apart by
    /// their <c>text</c> member and validated by their own shape; the typed collection reads review decisions only.
    /// </summary>
    public static EntityKind<DecisionRecord> Decision { get; } = new("decision", d => d.TaskId)
    {
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = DecisionSchema.KindValidator,
        References = DecisionReferences.Instance,
        DiffRules = new DiffRules { IdentityKeys = ImmutableDictionary<string, string>.Empty.Add("/pinned_charters", "ref") },
    };

    /// <summary>Every kind of the domain, by name.</summary>
    public static ImmutableArray<EntityKind> All =>
        [Agent, Budget, Company, Decision, HiringTemplate, PromptProfile, Role, Tool, ToolPolicy, Workflow];

    /// <summary>Registers every agent-organization kind; registering twice into one registry is harmless.</summary>
    /// <exception cref="InvalidOperationException">Another kind with one of these names is already registered.</exception>
    public static KindRegistry RegisterAll(KindRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var kind in All)
        {
            registry.Register(kind);
        }

        return registry;
    }

    // Agents and hiring templates share their profile parts, so they diff them alike.
    private static DiffRules ProfileDiffRules => new()
    {
        IdentityKeys = ImmutableDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["/skills/primary"] = "id",
            ["/skills/secondary"] = "id",
            ["/tools/definitions"] = "name",
        }),
        Sets =
        [
            "/personality/traits", "/tools/allowed", "/tools/denied", "/tools/uses",
            "/authority/direct_reports", "/authority/can_approve", "/authority/can_delegate_to",
        ],
    };
}
