using System.Collections.Immutable;
using Verso.Agents.Organization;
using Verso.Agents.Schemas;
using Verso.Agents.Serialization;
using Verso.Documents.Diff;
using Verso.Model.Kinds;

namespace Verso.Agents.Kinds;

/// <content>The company-wide kinds: company, budget, hiring template, tool policy, prompt profile.</content>
public static partial class AgentKinds
{
    /// <summary>
    /// <c>company</c>: a <see cref="CompanyConfig"/>; id from <c>id</c>. Nothing volatile. Departments
    /// keyed by id. Behaviour: departments' ids and heads, autonomy defaults, quality scoring weights.
    /// </summary>
    public static EntityKind<CompanyConfig> Company { get; } = new("company", c => c.Id)
    {
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = CompanySchema.Validator,
        DiffRules = new DiffRules { IdentityKeys = ImmutableDictionary<string, string>.Empty.Add("/departments", "id") },
        BehaviourFields = ["/departments/*/id", "/departments/*/head", "/autonomy_defaults", "/quality_scoring_weights"],
    };

    /// <summary>
    /// <c>budget</c>: a <see cref="BudgetConfig"/>; id from <c>id</c>. Nothing volatile (spending so far
    /// belongs to the platform, not to the policy). Policies keyed by id. Behaviour: currency and policies.
    /// </summary>
    public static EntityKind<BudgetConfig> Budget { get; } = new("budget", b => b.Id)
    {
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = BudgetSchema.Validator,
        DiffRules = new DiffRules { IdentityKeys = ImmutableDictionary<string, string>.Empty.Add("/policies", "id") },
        BehaviourFields = ["/currency", "/policies"],
    };

    /// <summary>
    /// <c>hiring-template</c>: a <see cref="HiringTemplate"/>; id from <c>id</c>. Nothing volatile. Arrays
    /// as for an agent. Behaviour: everything a hire starts from except name, description, department and level.
    /// </summary>
    public static EntityKind<HiringTemplate> HiringTemplate { get; } = new("hiring-template", h => h.Id)
    {
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = HiringTemplateSchema.Validator,
        DiffRules = ProfileDiffRules,
        BehaviourFields =
        [
            "/role", "/personality", "/skills", "/model", "/memory", "/tools", "/authority",
            "/autonomy_level", "/charter_template", "/requires_approval",
        ],
    };

    /// <summary>
    /// <c>tool-policy</c>: a <see cref="ToolPolicy"/>; id from <c>id</c>. Nothing volatile. Access levels
    /// keyed by level; their tool lists are sets. Behaviour: the default level and every tier's level,
    /// tools and sub-constraints — not tier descriptions.
    /// </summary>
    public static EntityKind<ToolPolicy> ToolPolicy { get; } = new("tool-policy", t => t.Id)
    {
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = ToolPolicySchema.Validator,
        DiffRules = new DiffRules
        {
            IdentityKeys = ImmutableDictionary<string, string>.Empty.Add("/access_levels", "level").Add("/definitions", "name"),
            Sets = ["/access_levels/*/allowed", "/access_levels/*/denied", "/access_levels/*/requires_approval", "/uses"],
        },
        BehaviourFields =
        [
            "/default_access_level", "/access_levels/*/level", "/access_levels/*/allowed",
            "/access_levels/*/denied", "/access_levels/*/requires_approval", "/access_levels/*/sub_constraints",
            "/definitions", "/uses",
        ],
        Tools = new Tools.DeclaredTools(),
    };

    /// <summary>
    /// <c>prompt-profile</c>: a <see cref="PromptProfile"/>; id from <c>id</c>. Nothing volatile. Examples
    /// keyed by id; forbidden phrases are a set, guidelines an ordered list. Behaviour: everything but name
    /// and description.
    /// </summary>
    public static EntityKind<PromptProfile> PromptProfile { get; } = new("prompt-profile", p => p.Id)
    {
        SchemaVersion = 1,
        SerializerOptions = AgentJson.SerializerOptions,
        Validator = PromptProfileSchema.Validator,
        DiffRules = new DiffRules
        {
            IdentityKeys = ImmutableDictionary<string, string>.Empty.Add("/examples", "id"),
            Sets = ["/forbidden_phrases"],
        },
        BehaviourFields =
        [
            "/tone", "/verbosity", "/language", "/system_preamble", "/guidelines",
            "/forbidden_phrases", "/examples", "/temperature", "/max_response_tokens",
        ],
    };
}
