using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Agents.Decisions;
using Verso.Agents.Kinds;
using Verso.Agents.Tests.Support;
using Verso.Agents.Validation;
using Verso.Errors;

namespace Verso.Agents.Tests.Schemas;

public sealed class TeamDecisionValidationTests
{
    [Fact]
    public void ATeamDecisionWithItsOwnWordsIsAValidDecisionRecord()
    {
        Assert.Empty(Validate(_ => { }));
    }

    [Fact]
    public void ATeamDecisionMayPinItsAuthorsCharter()
    {
        Assert.Empty(Validate(d => d["pinned_charters"] = JsonNode.Parse(
            """[{"ref":"agent/ripley@2","hash":"sha256:1234567812345678123456781234567812345678123456781234567812345678"}]""")));
    }

    [Theory]
    [InlineData("agent/ripley@2", "sha256:12", "/pinned_charters/0/hash")]
    [InlineData("role/ripley@2", "sha256:1234567812345678123456781234567812345678123456781234567812345678", "/pinned_charters/0/ref")]
    public void APinOutOfItsRuleIsReportedAtItsPath(string reference, string hash, string path)
    {
        var problems = Validate(d => d["pinned_charters"] = new JsonArray(new JsonObject { ["ref"] = reference, ["hash"] = hash }));

        Assert.Equal(path, Assert.Single(problems).Path);
    }

    [Fact]
    public void OnlyTheIdTitleAndTextAreRequired()
    {
        Assert.Empty(Validate(d =>
        {
            d.Remove("date");
            d.Remove("by");
        }));
    }

    [Theory]
    [InlineData("/date", "\"2026-02-30\"", "a date such as")]
    [InlineData("/date", "\"July 10\"", "a date such as")]
    [InlineData("/id", "\"../x\"", "must be an id")]
    [InlineData("/title", "\"  \"", "non-blank")]
    [InlineData("/decision", "\"approved\"", "unknown field")]
    public void AFieldOutOfItsRuleIsReportedAtItsPath(string path, string json, string words)
    {
        Problems.Single(Validate(d => d[path[1..]] = JsonNode.Parse(json)), path, words);
    }

    [Fact]
    public void ARecordWithoutTextIsStillCheckedAsAReviewDecision()
    {
        var problems = Validate(d => d.Remove("text"));

        Assert.Contains(problems, p => p.Path == "/task_id" && p.Message.Contains("required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Path == "/title" && p.Message.Contains("unknown field", StringComparison.Ordinal));
    }

    [Fact]
    public void TheShapeATeamDecisionIsWrittenInFollowsTheRecordsDeclaredOrder()
    {
        var shapes = Assert.IsAssignableFrom<IRecordShapes>(AgentKinds.Decision.Validator);
        var declared = shapes.ShapeOf(SampleFiles.Element(Valid())).Fields.Select(f => f.Name);

        Assert.Equal(["id", "title", "date", "by", "text", "pinned_charters"], declared);
        Assert.Equal(
            typeof(TeamDecision).GetProperties().Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)),
            declared);
    }

    [Fact]
    public void ATeamDecisionReadsAsItsTypedRecord()
    {
        var record = JsonSerializer.Deserialize<TeamDecision>(Valid().ToJsonString(), AgentKinds.Decision.SerializerOptions)!;

        Assert.Equal("Use PostgreSQL for the server store", record.Title);
        Assert.Equal("2026-11-01", record.Date);
        Assert.EndsWith("**Why:** one database to operate.\r\n", record.Text, StringComparison.Ordinal);
    }

    private static IReadOnlyList<RecordProblem> Validate(Action<JsonObject> change)
    {
        var decision = Valid();
        change(decision);
        return AgentKinds.Decision.Validator!.Validate(SampleFiles.Element(decision));
    }

    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "id": "2026-11-01-use-postgresql-for-the-server-store",
          "title": "Use PostgreSQL for the server store",
          "date": "2026-11-01",
          "by": "Dallas",
          "text": "### 2026-11-01: Use PostgreSQL for the server store\r\n**By:** Dallas\r\n**Why:** one database to operate.\r\n"
        }
        """)!.AsObject();
}
