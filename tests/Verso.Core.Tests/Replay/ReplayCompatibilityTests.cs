using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Canonical;
using Verso.Documents.Diff;
using Verso.Model.Kinds;
using Verso.Versioning.Replay;

namespace Verso.Core.Tests.Replay;

/// <summary>Replay verdicts: identical, compatible and breaking, classified by the kind's behaviour fields.</summary>
public sealed class ReplayCompatibilityTests
{
    private static readonly EntityKind Agent = new("agent")
    {
        VolatileFields = JsonPointerSet.Of("/status"),
        BehaviourFields = ["/charter", "/model", "/tools"],
    };

    private static readonly EntityKind Workflow = new("workflow")
    {
        DiffRules = DiffRules.Default with { IdentityKeys = DiffRules.Default.IdentityKeys.Add("/nodes", "id") },
        BehaviourFields = ["/nodes/*/config", "/nodes/*/type"],
    };

    private static readonly EntityKind Plan = new("plan")
    {
        DiffRules = DiffRules.Default with { IdentityKeys = DiffRules.Default.IdentityKeys.Add("/steps", "id") },
        BehaviourFields = ["/steps"],
    };

    [Fact]
    public void TheSameContentWithItsKeysInAnotherOrderIsIdentical()
    {
        var verdict = Compare(Agent,
            """{"name":"Alice","model":{"provider":"a","temperature":0.5},"charter":"Review code."}""",
            """{"charter":"Review code.","model":{"temperature":0.50,"provider":"a"},"name":"Alice"}""");

        Assert.Equal(CompatibilityLevel.Identical, verdict.Verdict);
        Assert.Empty(verdict.Differences);
        Assert.Empty(verdict.Cosmetic);
    }

    [Fact]
    public void VolatileFieldsNeverMakeVersionsDiffer()
    {
        var verdict = Compare(Agent, """{"charter":"c","status":"idle"}""", """{"charter":"c","status":"busy"}""");

        Assert.Equal(CompatibilityLevel.Identical, verdict.Verdict);
    }

    [Fact]
    public void OnlyANonBehaviourFieldDifferingIsCompatible()
    {
        var verdict = Compare(Agent,
            """{"name":"Alice","description":"Reviews code","charter":"c"}""",
            """{"name":"Alice R.","description":"Reviews all code","charter":"c"}""");

        Assert.Equal(CompatibilityLevel.Compatible, verdict.Verdict);
        Assert.Empty(verdict.Differences);
        Assert.Equal(["/description", "/name"], verdict.Cosmetic.Select(c => c.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ABehaviourFieldDifferingIsBreakingAndListedWithItsPath()
    {
        var verdict = Compare(Agent,
            """{"name":"Alice","model":{"provider":"a","temperature":0.5},"charter":"c"}""",
            """{"name":"Alicia","model":{"provider":"a","temperature":0.9},"charter":"c"}""");

        Assert.Equal(CompatibilityLevel.Breaking, verdict.Verdict);
        var difference = Assert.Single(verdict.Differences);
        Assert.Equal(("/model/temperature", ChangeKind.Modified), (difference.Path, difference.Kind));
        Assert.Equal("/name", Assert.Single(verdict.Cosmetic).Path);
    }

    [Fact]
    public void ABehaviourFieldAddedOrRemovedIsBreaking()
    {
        Assert.Equal(CompatibilityLevel.Breaking, Compare(Agent, """{"charter":"c"}""", """{"charter":"c","tools":["git"]}""").Verdict);
        Assert.Equal(CompatibilityLevel.Breaking, Compare(Agent, """{"charter":"c","tools":[]}""", """{"charter":"c"}""").Verdict);
    }

    [Fact]
    public void WithoutDeclaredBehaviourFieldsAnyDifferenceIsBreaking()
    {
        var document = EntityKind.Document("notes");

        var verdict = Compare(document, """{"title":"a","body":"b"}""", """{"title":"A","body":"b"}""");

        Assert.Equal(CompatibilityLevel.Breaking, verdict.Verdict);
        Assert.Equal("/title", Assert.Single(verdict.Differences).Path);
        Assert.Empty(verdict.Cosmetic);
    }

    [Fact]
    public void WithNoBehaviourFieldsAtAllEveryDifferenceIsCosmetic()
    {
        var labels = new EntityKind("labels") { BehaviourFields = ImmutableArray<string>.Empty };

        var verdict = Compare(labels, """{"a":1}""", """{"a":2}""");

        Assert.Equal(CompatibilityLevel.Compatible, verdict.Verdict);
        Assert.Single(verdict.Cosmetic);
    }

    [Fact]
    public void AWildcardPatternCoversTheFieldInEveryItem()
    {
        var verdict = Compare(Workflow,
            """{"nodes":[{"id":"a","label":"Plan","config":{"timeout":5}},{"id":"b","label":"Review","config":{"timeout":5}}]}""",
            """{"nodes":[{"id":"a","label":"Plan","config":{"timeout":5}},{"id":"b","label":"Review","config":{"timeout":9}}]}""");

        Assert.Equal(CompatibilityLevel.Breaking, verdict.Verdict);
        Assert.Equal("/nodes/1/config/timeout", Assert.Single(verdict.Differences).Path);
    }

    [Fact]
    public void AFieldNoPatternListsIsCosmeticEvenInsideAMatchedItem()
    {
        var verdict = Compare(Workflow,
            """{"nodes":[{"id":"a","label":"Plan","type":"task","config":{}}]}""",
            """{"nodes":[{"id":"a","label":"Planning","type":"task","config":{}}]}""");

        Assert.Equal(CompatibilityLevel.Compatible, verdict.Verdict);
        Assert.Equal("/nodes/0/label", Assert.Single(verdict.Cosmetic).Path);
    }

    [Fact]
    public void AnItemAddedWithABehaviourFieldIsBreaking()
    {
        var verdict = Compare(Workflow,
            """{"nodes":[{"id":"a","type":"start"}]}""",
            """{"nodes":[{"id":"a","type":"start"},{"id":"b","type":"end"}]}""");

        Assert.Equal(CompatibilityLevel.Breaking, verdict.Verdict);
        Assert.Equal(("/nodes/1", ChangeKind.Added), (verdict.Differences[0].Path, verdict.Differences[0].Kind));
    }

    [Fact]
    public void AnItemAddedWithoutAnyBehaviourFieldIsCosmetic()
    {
        var verdict = Compare(Workflow,
            """{"nodes":[{"id":"a","type":"start"}]}""",
            """{"nodes":[{"id":"a","type":"start"},{"id":"note","label":"Remember"}]}""");

        Assert.Equal(CompatibilityLevel.Compatible, verdict.Verdict);
    }

    [Fact]
    public void AMovedKeyedItemIsCosmeticWhenOnlyFieldsInsideItChangeBehaviour()
    {
        var verdict = Compare(Workflow,
            """{"nodes":[{"id":"a","type":"start"},{"id":"b","type":"end"}]}""",
            """{"nodes":[{"id":"b","type":"end"},{"id":"a","type":"start"}]}""");

        Assert.Equal(CompatibilityLevel.Compatible, verdict.Verdict);
        Assert.Equal(ChangeKind.Moved, Assert.Single(verdict.Cosmetic).Kind);
    }

    [Fact]
    public void AMovedKeyedItemIsBreakingWhenTheArrayItselfChangesBehaviour()
    {
        var verdict = Compare(Plan,
            """{"title":"t","steps":[{"id":"build"},{"id":"test"}]}""",
            """{"title":"t","steps":[{"id":"test"},{"id":"build"}]}""");

        Assert.Equal(CompatibilityLevel.Breaking, verdict.Verdict);
        var move = Assert.Single(verdict.Differences);
        Assert.Equal(ChangeKind.Moved, move.Kind);
        Assert.StartsWith("/steps/", move.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void AWholeObjectReplacedAboveABehaviourFieldIsBreakingOnlyIfTheFieldDiffers()
    {
        var nested = new EntityKind("nested") { BehaviourFields = ["/model/temperature"] };

        Assert.Equal(CompatibilityLevel.Breaking, Compare(nested, """{"model":"m"}""", """{"model":{"temperature":1}}""").Verdict);
        Assert.Equal(CompatibilityLevel.Compatible, Compare(nested, """{"model":"m"}""", """{"model":{"name":"m"}}""").Verdict);
    }

    [Fact]
    public void ABehaviourFieldThatIsNotAPointerIsReported()
    {
        var broken = new EntityKind("broken") { BehaviourFields = ["model"] };

        var error = Assert.Throws<ArgumentException>(() => Compare(broken, """{"a":1}""", """{"a":2}"""));

        Assert.Contains("broken", error.Message, StringComparison.Ordinal);
    }

    private static ReplayVerdict Compare(EntityKind kind, string left, string right) =>
        ReplayCompatibility.Compare(kind, JsonNode.Parse(left), JsonNode.Parse(right));
}
