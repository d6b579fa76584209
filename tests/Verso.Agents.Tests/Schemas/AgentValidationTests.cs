using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Agents.Kinds;
using Verso.Agents.Tests.Support;
using Verso.Errors;

namespace Verso.Agents.Tests.Schemas;

public sealed class AgentValidationTests
{
    [Theory]
    [InlineData("/nickname")]
    [InlineData("/model/top_p")]
    [InlineData("/personality/ocean/humour")]
    [InlineData("/skills/primary/1/years")]
    [InlineData("/authority/can_fire")]
    public void AnUnknownFieldIsReportedAtItsPathAtAnyDepth(string path)
    {
        var problems = Validate(agent => Parent(agent, path)[Last(path)] = 1);

        Problems.Single(problems, path, "unknown field");
    }

    [Fact]
    public void SubConstraintsAreAnOpenObjectThatTakesAnyToolSettings()
    {
        var problems = Validate(agent => agent["tools"]!["sub_constraints"] = JsonNode.Parse("""{"web.fetch":{"domains":["docs.example"],"max":{"per_hour":5}}}"""));

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("/role")]
    [InlineData("/name")]
    [InlineData("/model/provider")]
    [InlineData("/personality/ocean/neuroticism")]
    [InlineData("/memory/type")]
    [InlineData("/skills/secondary/0/id")]
    public void AMissingRequiredFieldIsReportedAtItsPath(string path)
    {
        var problems = Validate(agent => Parent(agent, path).AsObject().Remove(Last(path)));

        Problems.Single(problems, path, "is missing");
    }

    [Theory]
    [InlineData("/model/max_tokens", "\"4096\"", "expected a whole number")]
    [InlineData("/tools/allowed", "\"git.read\"", "expected an array")]
    [InlineData("/personality", "[]", "expected an object")]
    [InlineData("/charter", "42", "expected a string")]
    [InlineData("/model/fallback", "null", "found null")]
    public void AWrongTypeIsReportedAtItsPath(string path, string json, string words)
    {
        var problems = Validate(agent => Parent(agent, path)[Last(path)] = JsonNode.Parse(json));

        Problems.Single(problems, path, words);
    }

    [Theory]
    [InlineData("/autonomy_level", "\"reckless\"", "is not one of: full, semi, supervised, locked")]
    [InlineData("/status", "\"asleep\"", "is not one of")]
    [InlineData("/level", "\"Senior\"", "is not one of")]
    [InlineData("/skills/primary/0/level", "\"guru\"", "is not one of")]
    [InlineData("/memory/type", "\"forever\"", "is not one of")]
    [InlineData("/model/temperature", "2.5", "must be between 0 and 2")]
    [InlineData("/model/temperature", "-0.1", "must be between 0 and 2")]
    [InlineData("/model/max_tokens", "0", "must be at least 1")]
    [InlineData("/personality/ocean/openness", "1.2", "must be between 0 and 1")]
    [InlineData("/memory/retention_days", "-1", "must be at least 0")]
    [InlineData("/authority/budget_limit", "-5", "must be at least 0")]
    [InlineData("/hiring_date", "\"2026-01-12T09:00:00+02:00\"", "UTC timestamp")]
    [InlineData("/hiring_date", "\"2026-01-12\"", "UTC timestamp")]
    [InlineData("/id", "\"../alice\"", "must be an id")]
    [InlineData("/id", "\"alice\\n\"", "must be an id")]
    [InlineData("/authority/reports_to", "\"not an id\"", "must be an id")]
    public void AValueOutOfRangeIsReportedAtItsPath(string path, string json, string words)
    {
        var problems = Validate(agent => Parent(agent, path)[Last(path)] = JsonNode.Parse(json));

        Problems.Single(problems, path, words);
    }

    [Theory]
    [InlineData("2026-01-12T09:00:00+00:00")]
    [InlineData("2026-01-12T09:00:00.250Z")]
    public void AHiringDateInUtcIsAcceptedWithEitherZuluOrZeroOffset(string date)
    {
        Assert.Empty(Validate(agent => agent["hiring_date"] = date));
    }

    [Fact]
    public void AnIdOfMoreThan128CharactersIsRefused()
    {
        Problems.Single(Validate(agent => agent["id"] = new string('a', 129)), "/id", "must be an id");
    }

    [Fact]
    public void AToolBothAllowedAndDeniedIsReportedAtTheDenial()
    {
        var problems = Validate(agent => agent["tools"]!["denied"]!.AsArray().Add("git.read"));

        Problems.Single(problems, "/tools/denied/2", "both allowed and denied");
    }

    [Fact]
    public void AnAgentCannotReportToItself()
    {
        Problems.Single(Validate(agent => agent["authority"]!["reports_to"] = "alice"), "/authority/reports_to", "cannot report to itself");
    }

    [Fact]
    public void TwoSkillsWithTheSameIdInOneListAreReportedAtTheSecond()
    {
        var problems = Validate(agent => agent["skills"]!["primary"]![1]!["id"] = "code-review");

        Problems.Single(problems, "/skills/primary/1/id", "duplicate id 'code-review'");
    }

    [Fact]
    public void ATraitListedTwiceIsReportedBecauseTraitsAreASet()
    {
        Problems.Single(Validate(agent => agent["personality"]!["traits"]!.AsArray().Add("fair")), "/personality/traits/3", "listed twice");
    }

    [Fact]
    public void EveryProblemOfAnAgentIsReportedTogether()
    {
        var problems = Validate(agent =>
        {
            agent.Remove("role");
            agent["model"]!["temperature"] = 3;
            agent["autonomy_level"] = "reckless";
            agent["tools"]!["sub_constraint"] = JsonNode.Parse("{}");
            agent["hiring_date"] = "yesterday";
            agent["authority"]!["reports_to"] = "alice";
        });

        Problems.AtPaths(problems, "/role", "/model/temperature", "/autonomy_level", "/tools/sub_constraint", "/hiring_date", "/authority/reports_to");
    }

    [Fact]
    public void TheMinimalAgentIsIdNameAndRole()
    {
        using var document = JsonDocument.Parse("""{"id":"bob","name":"Bob","role":"qa-engineer"}""");

        Assert.Empty(AgentKinds.Agent.Validator!.Validate(document.RootElement));
    }

    private static IReadOnlyList<RecordProblem> Validate(Action<JsonObject> change) =>
        AgentKinds.Agent.Validator!.Validate(SampleFiles.With("agent", "alice", change));

    private static JsonNode Parent(JsonObject root, string path)
    {
        JsonNode node = root;
        var segments = path.Split('/')[1..^1];
        foreach (var segment in segments)
        {
            node = int.TryParse(segment, out var index) ? node[index]! : node[segment]!;
        }

        return node;
    }

    private static string Last(string path) => path[(path.LastIndexOf('/') + 1)..];
}
