using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Verso.Documents.Diff;
using Verso.Documents.Merge;
using static Verso.Core.Tests.Merge.MergeJson;

namespace Verso.Core.Tests.Merge;

public sealed class JsonMergeObjectTests
{
    private const string Agent = """{"name":"Ada","model":{"provider":"anthropic","temperature":0.2},"level":"senior"}""";

    [Fact]
    public void EditsToDifferentMembersCombine()
    {
        var ours = Parse("""{"name":"Ada L.","model":{"provider":"anthropic","temperature":0.2},"level":"senior"}""");
        var theirs = Parse("""{"name":"Ada","model":{"provider":"anthropic","temperature":0.7},"level":"senior"}""");

        var result = JsonMerge.Merge(Parse(Agent), ours, theirs);

        Assert.True(result.IsClean);
        Equal("""{"name":"Ada L.","model":{"provider":"anthropic","temperature":0.7},"level":"senior"}""", result.Merged);
    }

    [Fact]
    public void TheSameEditOnBothSidesIsClean()
    {
        var edited = """{"name":"Ada","model":{"provider":"anthropic","temperature":0.5},"level":"staff"}""";

        var result = JsonMerge.Merge(Parse(Agent), Parse(edited), Parse(edited));

        Assert.True(result.IsClean);
        Equal(edited, result.Merged);
    }

    [Fact]
    public void DifferentEditsToOneScalarAreAConflictAtItsPathWithAllThreeValues()
    {
        var ours = Parse("""{"name":"Ada","model":{"provider":"anthropic","temperature":0.5},"level":"senior"}""");
        var theirs = Parse("""{"name":"Ada","model":{"provider":"anthropic","temperature":0.9},"level":"lead"}""");

        var result = JsonMerge.Merge(Parse(Agent), ours, theirs);

        var conflict = Assert.Single(result.Conflicts);
        Assert.False(result.IsClean);
        Assert.Equal("/model/temperature", conflict.Path);
        Assert.Equal(0.2, conflict.Base!.GetValue<double>());
        Assert.Equal(0.5, conflict.Ours!.GetValue<double>());
        Assert.Equal(0.9, conflict.Theirs!.GetValue<double>());
        Assert.True(conflict.InBase && conflict.InOurs && conflict.InTheirs);
        Assert.Null(conflict.Text);
        Equal("""{"name":"Ada","model":{"provider":"anthropic","temperature":0.2},"level":"lead"}""", result.Merged);
    }

    [Fact]
    public void DeletingAMemberTheOtherSideModifiedIsAConflictThatKeepsTheBaseValue()
    {
        var ours = Parse("""{"name":"Ada","model":{"provider":"anthropic","temperature":0.2}}""");
        var theirs = Parse("""{"name":"Ada","model":{"provider":"anthropic","temperature":0.2},"level":"staff"}""");

        var result = JsonMerge.Merge(Parse(Agent), ours, theirs);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("/level", conflict.Path);
        Assert.False(conflict.InOurs);
        Assert.Null(conflict.Ours);
        Assert.Equal("senior", conflict.Base!.GetValue<string>());
        Assert.Equal("staff", conflict.Theirs!.GetValue<string>());
        Equal(Agent, result.Merged);
    }

    [Fact]
    public void DeletingAMemberTheOtherSideLeftAloneDeletesIt()
    {
        var ours = Parse("""{"name":"Ada","model":{"provider":"anthropic","temperature":0.2}}""");
        var theirs = Parse("""{"name":"Ada","model":{"provider":"anthropic","temperature":0.4},"level":"senior"}""");

        var result = JsonMerge.Merge(Parse(Agent), ours, theirs);

        Assert.True(result.IsClean);
        Equal("""{"name":"Ada","model":{"provider":"anthropic","temperature":0.4}}""", result.Merged);
    }

    [Fact]
    public void AddingTheSameMemberWithDifferentValuesIsAConflictAndLeavesItOut()
    {
        var ours = Parse("""{"name":"Ada","department":"payments"}""");
        var theirs = Parse("""{"name":"Ada","department":"billing"}""");

        var result = JsonMerge.Merge(Parse("""{"name":"Ada"}"""), ours, theirs);

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal("/department", conflict.Path);
        Assert.False(conflict.InBase);
        Assert.Equal("payments", conflict.Ours!.GetValue<string>());
        Assert.Equal("billing", conflict.Theirs!.GetValue<string>());
        Equal("""{"name":"Ada"}""", result.Merged);
    }

    [Fact]
    public void AddingTheSameObjectMemberOnBothSidesMergesItsMembers()
    {
        var ours = Parse("""{"memory":{"type":"vector"}}""");
        var theirs = Parse("""{"memory":{"retention_days":30}}""");

        var result = JsonMerge.Merge(Parse("{}"), ours, theirs);

        Assert.True(result.IsClean);
        Equal("""{"memory":{"type":"vector","retention_days":30}}""", result.Merged);
    }

    [Fact]
    public void ATypeChangeOnBothSidesIsAConflictEvenWhenBothBecameObjects()
    {
        var result = JsonMerge.Merge(Parse("""{"tools":"all"}"""), Parse("""{"tools":{"a":1}}"""), Parse("""{"tools":{"b":2}}"""));

        Assert.Equal("/tools", Assert.Single(result.Conflicts).Path);
        Equal("""{"tools":"all"}""", result.Merged);
    }

    [Fact]
    public void MemberNamesWithSlashAndTildeAreEscapedInConflictPaths()
    {
        var result = JsonMerge.Merge(Parse("""{"a/b~c":1}"""), Parse("""{"a/b~c":2}"""), Parse("""{"a/b~c":3}"""));

        Assert.Equal("/a~1b~0c", Assert.Single(result.Conflicts).Path);
    }

    [Fact]
    public void NumbersEqualByValueAreTheSameEdit()
    {
        var result = JsonMerge.Merge(Parse("""{"t":0.2}"""), Parse("""{"t":1.0}"""), Parse("""{"t":1}"""));

        Assert.True(result.IsClean);
    }

    [Fact]
    public void ACharterEditedOnDistantLinesMergesAsTextAndAnOverlapIsAConflictWithItsLines()
    {
        var @base = Parse("""{"charter":"one\ntwo\nthree\nfour\nfive\n"}""");
        var clean = JsonMerge.Merge(@base, Parse("""{"charter":"ONE\ntwo\nthree\nfour\nfive\n"}"""), Parse("""{"charter":"one\ntwo\nthree\nfour\nFIVE\n"}"""));
        var conflicted = JsonMerge.Merge(
            @base, Parse("""{"charter":"ONE\ntwo\nthree\nfour\nFive!\n"}"""), Parse("""{"charter":"one\ntwo\nthree\nfour\nFIVE\n"}"""));

        Assert.True(clean.IsClean);
        Equal("""{"charter":"ONE\ntwo\nthree\nfour\nFIVE\n"}""", clean.Merged);
        var conflict = Assert.Single(conflicted.Conflicts);
        Assert.Equal("/charter", conflict.Path);
        Assert.Equal(new LineRange(5, 1), Assert.Single(conflict.Text!.Conflicts).Base);
        Assert.Equal("ONE\ntwo\nthree\nfour\nfive\n", conflict.Text.Merged);
        Equal("""{"charter":"one\ntwo\nthree\nfour\nfive\n"}""", conflicted.Merged);
    }

    [Fact]
    public void SingleLineStringsEditedOnBothSidesAreAConflictNotATextMerge()
    {
        var result = JsonMerge.Merge(Parse("""{"s":"a b"}"""), Parse("""{"s":"A b"}"""), Parse("""{"s":"a B"}"""));

        Assert.Null(Assert.Single(result.Conflicts).Text);
    }

    [Fact]
    public void MergingNeverChangesItsInputs()
    {
        var @base = Parse("""{"a":1,"list":[1,2],"nodes":[{"id":"x","v":1}],"text":"l1\nl2\n","gone":true}""");
        var ours = Parse("""{"a":2,"list":[1,2,3],"nodes":[{"id":"x","v":2}],"text":"L1\nl2\n"}""");
        var theirs = Parse("""{"a":3,"list":[2],"nodes":[{"id":"y"},{"id":"x","v":1}],"text":"l1\nL2\n","gone":false}""");
        var before = (CanonicalText(@base), CanonicalText(ours), CanonicalText(theirs));
        var rules = new DiffRules { IdentityKeys = ImmutableDictionary<string, string>.Empty.Add("/nodes", "id") };

        var result = JsonMerge.Merge(@base, ours, theirs, rules);
        result.Merged!["a"] = 99;
        ((JsonArray)result.Conflicts.Single(c => c.Path == "/list").Base!).Add(5);

        Assert.False(result.IsClean);
        Assert.Equal(before, (CanonicalText(@base), CanonicalText(ours), CanonicalText(theirs)));
    }
}
