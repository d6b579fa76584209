using System.Text.Json;
using Verso.Agents.Tests.Support;
using Verso.Agents.Validation;
using static Verso.Agents.Validation.FieldSpec;
using static Verso.Agents.Validation.ValueSpec;

namespace Verso.Agents.Tests.Validation;

public sealed class SchemaWalkerTests
{
    private static readonly ValueSpec Shape = Object(new ObjectShape(
        Required("id", String(StringFormat.EntityId)),
        Optional("count", Integer().AtLeast(1)),
        Optional("ratio", Number().Between(0, 1)),
        Optional("mode", OneOf("fast", "safe")),
        Optional("flags", ArrayOf(Boolean())),
        Optional("weights", MapOf(Number())),
        Optional("config", OpenObject()),
        Optional("child", Object(new ObjectShape(Required("name", NonBlankString()))))));

    [Fact]
    public void AValidValueHasNoProblems()
    {
        var problems = Check("""{"id":"a","count":3,"ratio":0.5,"mode":"safe","flags":[true],"weights":{"x":2},"config":{"any":[1,{"deep":null}]},"child":{"name":"n"}}""");

        Assert.Empty(problems);
    }

    [Fact]
    public void AnUnknownFieldIsReportedAtItsPathAtAnyDepth()
    {
        Problems.AtPaths(Check("""{"id":"a","extra":1,"child":{"name":"n","nickname":"x"}}"""), "/extra", "/child/nickname");
    }

    [Fact]
    public void AnUnknownFieldNameIsEscapedInThePointer()
    {
        Problems.Single(Check("""{"id":"a","a/b~c":1}"""), "/a~1b~0c", "unknown field 'a/b~c'");
    }

    [Fact]
    public void AMissingRequiredFieldIsReportedWhereItShouldBe()
    {
        Problems.Single(Check("""{"id":"a","child":{}}"""), "/child/name", "required field 'name' is missing");
    }

    [Fact]
    public void AWrongTypeNamesTheExpectedAndTheFoundType()
    {
        Problems.Single(Check("""{"id":"a","flags":[true,"yes"]}"""), "/flags/1", "expected true or false, found a string");
    }

    [Fact]
    public void NullIsRefusedForAnOptionalFieldBecauseLeavingItOutIsTheWayToSayNothing()
    {
        Problems.Single(Check("""{"id":"a","mode":null}"""), "/mode", "found null");
    }

    [Fact]
    public void AFractionalNumberIsNotAnInteger()
    {
        Problems.Single(Check("""{"id":"a","count":2.5}"""), "/count", "expected a whole number");
    }

    [Fact]
    public void AnIntegerWrittenWithAZeroFractionIsAnInteger()
    {
        Assert.Empty(Check("""{"id":"a","count":2.0}"""));
    }

    [Fact]
    public void AnIntegerBeyondThirtyTwoBitsIsRefused()
    {
        Problems.Single(Check("""{"id":"a","count":4294967296}"""), "/count", "expected a whole number");
    }

    [Theory]
    [InlineData("""{"id":"a","count":0}""", "/count", "must be at least 1")]
    [InlineData("""{"id":"a","ratio":1.5}""", "/ratio", "must be between 0 and 1")]
    [InlineData("""{"id":"a","ratio":-0.01}""", "/ratio", "must be between 0 and 1")]
    [InlineData("""{"id":"a","mode":"FAST"}""", "/mode", "is not one of: fast, safe")]
    [InlineData("""{"id":"a","weights":{"x":"1"}}""", "/weights/x", "expected a number")]
    [InlineData("""{"id":"-a"}""", "/id", "must be an id")]
    [InlineData("""{"id":"a","child":{"name":"  "}}""", "/child/name", "non-blank")]
    public void AValueOutOfItsRuleIsReportedAtItsPath(string json, string path, string words)
    {
        Problems.Single(Check(json), path, words);
    }

    [Fact]
    public void ARepeatedFieldIsReported()
    {
        Problems.Single(Check("""{"id":"a","id":"b"}"""), "/id", "more than once");
    }

    [Fact]
    public void EveryProblemIsReportedNotOnlyTheFirst()
    {
        var problems = Check("""{"count":0,"ratio":"high","mode":"slow","flags":{},"child":{"name":1,"x":2}}""");

        Problems.AtPaths(problems, "/id", "/count", "/ratio", "/mode", "/flags", "/child/name", "/child/x");
    }

    [Fact]
    public void ARecordThatIsNotAnObjectIsReportedAtTheRoot()
    {
        Problems.Single(Check("[]"), "", "expected an object, found an array");
    }

    private static IReadOnlyList<Verso.Errors.RecordProblem> Check(string json)
    {
        using var document = JsonDocument.Parse(json);
        return SchemaWalker.Check(document.RootElement, Shape);
    }
}
