using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Verso.Core.Tests.Support;
using Verso.Documents.Patch;
using Verso.Documents.Pointers;

namespace Verso.Core.Tests.Patch;

/// <summary>Invariants of applying patches to arbitrary JSON values.</summary>
public sealed class JsonPatchPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly Arbitrary<(TestJson A, TestJson B)> TwoValues =
        Arb.From(ArbitraryJson.Values.Generator.Zip(ArbitraryJson.Values.Generator));

    // An object, a member name it may or may not have, and a value for that name.
    private static readonly Arbitrary<(TestJson.Obj Obj, string Name, TestJson Value)> ObjectAndMember = Arb.From(
        from names in ArbitraryJson.Strings.ListOf()
        from values in ArbitraryJson.Values.Generator.ListOf(names.Count)
        from name in Gen.OneOf(ArbitraryJson.Strings, Gen.Elements("", "-", "0", "~", "/", "~1"))
        from value in ArbitraryJson.Values.Generator
        let members = names.Zip(values, KeyValuePair.Create).DistinctBy(m => m.Key, StringComparer.Ordinal).ToList()
        select (new TestJson.Obj(members), name, value));

    [Fact]
    public void ReplacingTheRootWithAValueGivesThatValueAndLeavesTheInputAlone()
    {
        Check.One(Cases, Prop.ForAll(TwoValues, pair =>
        {
            var input = JsonNode.Parse(TestJsonWriter.Plain(pair.A));
            var before = input?.ToJsonString();
            var patch = Patches.Parse($$"""[{"op":"replace","path":"","value":{{TestJsonWriter.Plain(pair.B)}}}]""");

            var result = patch.Apply(input);

            return TestJson.SameValue(pair.B, Read(result)) && before == input?.ToJsonString();
        }));
    }

    [Fact]
    public void AddingANewMemberThenRemovingItRestoresTheObjectExactly()
    {
        Check.One(Cases, Prop.ForAll(ObjectAndMember, input =>
        {
            var obj = input.Obj.Members.Any(m => m.Key == input.Name)
                ? new TestJson.Obj(input.Obj.Members.Where(m => m.Key != input.Name).ToList())
                : input.Obj;
            var document = JsonNode.Parse(TestJsonWriter.Plain(obj));
            var path = JsonPointer.Append(JsonPointer.Root, input.Name);
            var add = JsonPatch.Create([new PatchOperation(PatchOperationType.Add, path, Value: JsonNode.Parse(TestJsonWriter.Plain(input.Value)))]);
            var remove = JsonPatch.Create([new PatchOperation(PatchOperationType.Remove, path)]);

            var added = add.Apply(document)!.AsObject();
            var restored = remove.Apply(added);

            return added.Count == obj.Members.Count + 1
                && TestJson.SameValue(input.Value, Read(added[input.Name]))
                && restored!.ToJsonString() == document!.ToJsonString();
        }));
    }

    [Fact]
    public void APatchSurvivesWritingAndReadingBack()
    {
        Check.One(Cases, Prop.ForAll(ObjectAndMember, input =>
        {
            var path = JsonPointer.Append(JsonPointer.Append(JsonPointer.Root, input.Name), "x");
            var value = TestJsonWriter.Plain(input.Value);
            var patch = Patches.Parse($$"""[{"op":"test","path":"{{Escaped(path)}}","value":{{value}}},{"op":"copy","from":"{{Escaped(path)}}","path":""}]""");

            var again = JsonPatch.Parse(patch.ToUtf8Bytes());

            return again.Operations.Select(o => (o.Op, o.Path, o.From)).SequenceEqual(patch.Operations.Select(o => (o.Op, o.Path, o.From)))
                && again.Operations[0].Path == path
                && TestJson.SameValue(input.Value, Read(again.Operations[0].Value));
        }));
    }

    private static TestJson Read(JsonNode? node)
    {
        using var parsed = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return TestJson.From(parsed.RootElement);
    }

    // The pointer as the body of a JSON string literal.
    private static string Escaped(string text)
    {
        var quoted = JsonSerializer.Serialize(text);
        return quoted[1..^1];
    }
}
