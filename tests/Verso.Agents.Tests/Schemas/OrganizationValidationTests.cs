using System.Text.Json.Nodes;
using Verso.Agents.Kinds;
using Verso.Agents.Tests.Support;
using Verso.Model.Kinds;

namespace Verso.Agents.Tests.Schemas;

public sealed class OrganizationValidationTests
{
    [Fact]
    public void QualityWeightsMustSumToOne()
    {
        var problems = Validate(AgentKinds.Company, "company", "lumen-labs", c => c["quality_scoring_weights"]!["clarity"] = 0.3);

        Problems.Single(problems, "/quality_scoring_weights", "weights must sum to 1, they sum to 1.1");
    }

    [Fact]
    public void AQualityWeightAboveOneIsReportedAtItsCriterion()
    {
        var problems = Validate(AgentKinds.Company, "company", "lumen-labs", c => c["quality_scoring_weights"] = JsonNode.Parse("""{"correctness":1.5,"speed":-0.5}"""));

        Problems.AtPaths(problems, "/quality_scoring_weights/correctness", "/quality_scoring_weights/speed");
    }

    [Fact]
    public void AnAutonomyDefaultForAnUnknownDepartmentIsReported()
    {
        var problems = Validate(AgentKinds.Company, "company", "lumen-labs", c => c["autonomy_defaults"]!["by_department"]!["marketing"] = "full");

        Problems.Single(problems, "/autonomy_defaults/by_department/marketing", "not one of the company's departments");
    }

    [Fact]
    public void AnAutonomyDefaultOutsideTheLevelsIsReported()
    {
        var problems = Validate(AgentKinds.Company, "company", "lumen-labs", c => c["autonomy_defaults"]!["default_level"] = "total");

        Problems.Single(problems, "/autonomy_defaults/default_level", "is not one of");
    }

    [Fact]
    public void TwoDepartmentsWithTheSameIdAreReported()
    {
        Problems.Single(Validate(AgentKinds.Company, "company", "lumen-labs", c => c["departments"]![3]!["id"] = "quality"), "/departments/3/id", "duplicate id 'quality'");
    }

    [Fact]
    public void ADepartmentPolicyWithoutATargetIsReported()
    {
        var problems = Validate(AgentKinds.Budget, "budget", "lumen-labs-2026", b => b["policies"]![1]!.AsObject().Remove("target"));

        Problems.Single(problems, "/policies/1/target", "a department policy needs the department id it limits");
    }

    [Fact]
    public void ACompanyPolicyWithATargetIsReported()
    {
        Problems.Single(Validate(AgentKinds.Budget, "budget", "lumen-labs-2026", b => b["policies"]![0]!["target"] = "maya"), "/policies/0/target", "takes no target");
    }

    [Theory]
    [InlineData("/currency", "\"usd\"", "ISO 4217")]
    [InlineData("/policies/2/alert_at", "1.5", "must be between 0 and 1")]
    [InlineData("/policies/2/limit", "-1", "must be at least 0")]
    [InlineData("/policies/2/period", "\"hourly\"", "is not one of")]
    [InlineData("/policies/3/on_exceed", "\"panic\"", "is not one of")]
    public void ABudgetFieldOutOfItsRuleIsReportedAtItsPath(string path, string json, string words)
    {
        Problems.Single(Validate(AgentKinds.Budget, "budget", "lumen-labs-2026", b => Set(b, path, json)), path, words);
    }

    [Fact]
    public void AToolPolicyWithTheSameLevelTwiceIsReported()
    {
        Problems.Single(Validate(AgentKinds.ToolPolicy, "tool-policy", "lumen-tools", t => t["access_levels"]![3]!["level"] = "standard"), "/access_levels/3/level", "duplicate level 'standard': item 2 already has it");
    }

    [Fact]
    public void AToolAllowedAndDeniedAtOneLevelIsReportedAtTheDenial()
    {
        var problems = Validate(AgentKinds.ToolPolicy, "tool-policy", "lumen-tools", t => t["access_levels"]![0]!["denied"]!.AsArray().Add("docs.read"));

        Problems.Single(problems, "/access_levels/0/denied/2", "both allowed and denied");
    }

    [Fact]
    public void ATierCannotRequireApprovalForAToolItDoesNotAllow()
    {
        var problems = Validate(AgentKinds.ToolPolicy, "tool-policy", "lumen-tools", t => t["access_levels"]![2]!["requires_approval"]!.AsArray().Add("deploy.production"));

        Problems.Single(problems, "/access_levels/2/requires_approval/1", "needs approval but is not allowed");
    }

    [Fact]
    public void TheDefaultAccessLevelMustBeOneThePolicyDescribes()
    {
        Problems.Single(Validate(AgentKinds.ToolPolicy, "tool-policy", "lumen-tools", t => t["default_access_level"] = "admin"), "/default_access_level", "no entry in access_levels");
    }

    [Fact]
    public void ToolSubConstraintsAreAnOpenObject()
    {
        Assert.Empty(Validate(AgentKinds.ToolPolicy, "tool-policy", "lumen-tools", t => t["access_levels"]![0]!["sub_constraints"] = JsonNode.Parse("""{"docs.read":{"spaces":["public"]}}""")));
    }

    [Theory]
    [InlineData("/temperature", "2.1", "must be between 0 and 2")]
    [InlineData("/max_response_tokens", "0", "must be at least 1")]
    [InlineData("/verbosity", "\"chatty\"", "is not one of: concise, balanced, detailed")]
    [InlineData("/examples/0/output", "7", "expected a string")]
    [InlineData("/examples/0/rating", "5", "unknown field")]
    public void APromptProfileFieldOutOfItsRuleIsReportedAtItsPath(string path, string json, string words)
    {
        Problems.Single(Validate(AgentKinds.PromptProfile, "prompt-profile", "lumen-voice", p => Set(p, path, json)), path, words);
    }

    [Fact]
    public void AForbiddenPhraseListedTwiceIsReported()
    {
        Problems.Single(Validate(AgentKinds.PromptProfile, "prompt-profile", "lumen-voice", p => p["forbidden_phrases"]!.AsArray().Add("as an AI")), "/forbidden_phrases/3", "listed twice");
    }

    [Fact]
    public void ARoleReportsAnUnknownFieldAndARepeatedSkill()
    {
        var problems = Validate(AgentKinds.Role, "role", "code-reviewer", r =>
        {
            r["prompt"] = "Review.";
            r["skills"]!.AsArray().Add("code-review");
        });

        Problems.AtPaths(problems, "/prompt", "/skills/2");
    }

    [Fact]
    public void AHiringTemplateNeedsItsRoleAndChecksItsProfileLikeAnAgent()
    {
        var problems = Validate(AgentKinds.HiringTemplate, "hiring-template", "backend-engineer-hire", h =>
        {
            h.Remove("role");
            h["model"]!["temperature"] = 9;
            h["tools"]!["allowed"] = JsonNode.Parse("""["git.push"]""");
            h["tools"]!["denied"] = JsonNode.Parse("""["git.push"]""");
        });

        Problems.AtPaths(problems, "/role", "/model/temperature", "/tools/denied/0");
    }

    private static IReadOnlyList<Verso.Errors.RecordProblem> Validate(EntityKind kind, string kindName, string id, Action<JsonObject> change) =>
        kind.Validator!.Validate(SampleFiles.With(kindName, id, change));

    private static void Set(JsonObject root, string path, string json)
    {
        var segments = path.Split('/')[1..];
        JsonNode parent = root;
        foreach (var segment in segments[..^1])
        {
            parent = int.TryParse(segment, out var i) ? parent[i]! : parent[segment]!;
        }

        parent[segments[^1]] = JsonNode.Parse(json);
    }
}
