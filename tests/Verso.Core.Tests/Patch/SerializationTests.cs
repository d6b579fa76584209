using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verso.Core.Tests.Support;
using Verso.Documents.Patch;

namespace Verso.Core.Tests.Patch;

/// <summary>Writing patches as RFC 6902 documents and reading them back.</summary>
public sealed class SerializationTests
{
    private const string AllOperations = """
        [{"op":"add","path":"/a~1b/-","value":{"x":[1,2.50,"caf\u00e9"]}},
         {"op":"remove","path":"/m~0n"},
         {"op":"replace","path":"","value":null},
         {"op":"move","from":"/c","path":"/d/0"},
         {"op":"copy","from":"","path":"/e"},
         {"op":"test","path":"/f","value":[true,false,null,1e400]}]
        """;

    [Fact]
    public void WritingGivesTheRfcShapeWithFromAndValueOnlyWhereTheyBelong()
    {
        var patch = JsonPatch.Create(
        [
            new PatchOperation(PatchOperationType.Add, "/a", Value: JsonValue.Create(1)),
            new PatchOperation(PatchOperationType.Remove, "/b", From: "/ignored", Value: JsonValue.Create(2)),
            new PatchOperation(PatchOperationType.Replace, "/c"),
            new PatchOperation(PatchOperationType.Move, "/d", "/e", JsonValue.Create(3)),
            new PatchOperation(PatchOperationType.Copy, "/f", "/g"),
            new PatchOperation(PatchOperationType.Test, "/h~1i", Value: JsonValue.Create("é")),
        ]);

        Assert.Equal(
            """[{"op":"add","path":"/a","value":1},{"op":"remove","path":"/b"},{"op":"replace","path":"/c","value":null},"""
            + """{"op":"move","path":"/d","from":"/e"},{"op":"copy","path":"/f","from":"/g"},{"op":"test","path":"/h~1i","value":"é"}]""",
            patch.ToJson());
    }

    [Fact]
    public void ReadingBackWhatWasWrittenGivesTheSameOperations()
    {
        var patch = Patches.Parse(AllOperations);

        var again = JsonPatch.Parse(patch.ToUtf8Bytes());

        Assert.Equal(patch.Operations.Length, again.Operations.Length);
        foreach (var (original, copy) in patch.Operations.Zip(again.Operations))
        {
            Assert.Equal((original.Op, original.Path, original.From), (copy.Op, copy.Path, copy.From));
            Assert.Equal(original.Value?.ToJsonString(), copy.Value?.ToJsonString());
        }

        Assert.Equal(patch.ToJson(), again.ToJson());
    }

    [Fact]
    public void NumbersKeepTheirTextThroughAReadAndAWrite()
    {
        var json = Patches.Parse("""[{"op":"test","path":"/f","value":[2.50,1e400,-0]}]""").ToJson();

        Assert.Equal("""[{"op":"test","path":"/f","value":[2.50,1e400,-0]}]""", json);
    }

    [Fact]
    public void WriteToWritesIntoTheCallersWriter()
    {
        var patch = Patches.Parse("""[{"op":"remove","path":"/a"}]""");
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("patch");
            patch.WriteTo(writer);
            writer.WriteEndObject();
        }

        Assert.Equal("""{"patch":[{"op":"remove","path":"/a"}]}""", Encoding.UTF8.GetString(stream.ToArray()));
    }

    [Fact]
    public void CreateCopiesValuesSoLaterChangesDoNotReachThePatch()
    {
        var value = new JsonObject { ["x"] = 1 };
        var patch = JsonPatch.Create([new PatchOperation(PatchOperationType.Add, "/a", Value: value)]);

        value["x"] = 2;

        Assert.Equal("""[{"op":"add","path":"/a","value":{"x":1}}]""", patch.ToJson());
    }

    [Fact]
    public void CreateAcceptsAValueThatBelongsToAnotherDocument()
    {
        var owner = JsonNode.Parse("""{"v":[1]}""")!;
        var patch = JsonPatch.Create([new PatchOperation(PatchOperationType.Add, "/a", Value: owner["v"])]);

        Assert.Equal("""{"a":[1]}""", patch.Apply(new JsonObject())!.ToJsonString());
    }

    [Fact]
    public void CreateRejectsAMoveWithoutFromAndNamesItsIndex()
    {
        var error = Assert.Throws<JsonPatchException>(() => JsonPatch.Create(
        [
            new PatchOperation(PatchOperationType.Remove, "/a"),
            new PatchOperation(PatchOperationType.Move, "/b"),
        ]));

        Assert.Equal(1, error.OperationIndex);
        Assert.Equal("the member 'from' is missing", error.Reason);
    }

    [Fact]
    public void CreateRejectsAPathThatIsNotAJsonPointer() =>
        Assert.Equal(0, Assert.Throws<JsonPatchException>(() => JsonPatch.Create([new PatchOperation(PatchOperationType.Remove, "a")])).OperationIndex);

    [Fact]
    public void CreateRejectsAnUndefinedOperation() =>
        Assert.Throws<JsonPatchException>(() => JsonPatch.Create([new PatchOperation((PatchOperationType)42, "/a")]));
}
