using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Verso.Documents.Canonical;
using Verso.Files.Tests.Support;
using Verso.Files.Yaml;

namespace Verso.Files.Tests.Yaml;

public sealed class YamlRoundTripTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(1000);

    [Fact]
    public void AnyJsonObjectWrittenAsYamlReadsBackToTheSameCanonicalBytes()
    {
        Check.One(Cases, Prop.ForAll(Arb.From(ArbitraryJson.Objects), record =>
        {
            var canonical = Samples.Canonical(record);
            var yaml = Write(canonical);
            var back = CanonicalJson.Canonicalize(YamlRecordReader.ReadJson(yaml));
            Assert.True(canonical.AsSpan().SequenceEqual(back), $"YAML:\n{Encoding.UTF8.GetString(yaml)}\nwant {Encoding.UTF8.GetString(canonical)}\ngot  {Encoding.UTF8.GetString(back)}");
        }));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("0x1")]
    [InlineData("1e3")]
    [InlineData("007")]
    [InlineData("2026-11-01")]
    [InlineData("-1")]
    [InlineData(".inf")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData(" padded ")]
    public void StringsThatLookLikeOtherTypesAreQuoted(string text)
    {
        var yaml = Text(new JsonObject { ["value"] = text });

        Assert.StartsWith("value: \"", yaml, StringComparison.Ordinal);
        Assert.Equal(text, ReadBack(yaml)["value"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("1.0", "1")]
    [InlineData("0.1", "0.1")]
    [InlineData("1e21", "1e+21")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData("-0", "0")]
    [InlineData("true", "true")]
    [InlineData("null", "null")]
    public void NumbersBooleansAndNullArePlainAndSpelledAsCanonicalJsonSpellsThem(string json, string plain)
    {
        var yaml = Text(JsonNode.Parse($$"""{"value":{{json}}}""")!.AsObject());

        Assert.Equal($"value: {plain}\n", yaml);
    }

    [Fact]
    public void ProseIsALiteralBlockWithTheChompingItsEndNeeds()
    {
        var yaml = Text(new JsonObject
        {
            ["clip"] = "line one\nline two\n",
            ["keep"] = "line one\n\n\n",
            ["strip"] = "line one\nline two",
        });

        Assert.Equal("clip: |\n  line one\n  line two\nkeep: |+\n  line one\n\n\nstrip: |-\n  line one\n  line two\n", yaml);
    }

    [Theory]
    [InlineData("trailing space \nnext\n")]
    [InlineData("windows\r\nline\r\n")]
    [InlineData(" leading space\nnext\n")]
    [InlineData("\n")]
    [InlineData("next line\u0085here\n")]
    [InlineData("bell\u0007\nnext\n")]
    public void ProseALiteralBlockCannotHoldExactlyIsDoubleQuoted(string text)
    {
        var yaml = Text(new JsonObject { ["value"] = text });

        Assert.StartsWith("value: \"", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', yaml);
        Assert.Equal(text, ReadBack(yaml)["value"]!.GetValue<string>());
    }

    [Fact]
    public void EmptyContainersUnicodeAndNestingRoundTrip()
    {
        var record = JsonNode.Parse("""
            {"empty_object":{},"empty_list":[],"emoji":"ship it 🚀","accents":"Zoë Ångström","nested":[{"a":[1,[2,{}]]},[]],"on":"off"}
            """)!.AsObject();
        var canonical = Samples.Canonical(record);

        Assert.Equal(canonical, CanonicalJson.Canonicalize(YamlRecordReader.ReadJson(Write(canonical))));
        Assert.Contains("empty_object: {}\n", Text(record), StringComparison.Ordinal);
        Assert.Contains("empty_list: []\n", Text(record), StringComparison.Ordinal);
        Assert.Contains("\"on\": \"off\"\n", Text(record), StringComparison.Ordinal);
    }

    [Fact]
    public void CanvasCoordinatesStayPlainKeysButYAndNAsValuesAreQuoted()
    {
        var yaml = Text(new JsonObject { ["x"] = 1, ["y"] = "n" });

        Assert.Equal("x: 1\ny: \"n\"\n", yaml);
        Assert.Equal("n", ReadBack(yaml)["y"]!.GetValue<string>());
    }

    [Fact]
    public void WritingIsDeterministicAndUsesLineFeedsOnly()
    {
        var canonical = Samples.Canonical(Samples.Node("agent", "alice"));

        var first = Write(canonical);

        Assert.Equal(first, Write(canonical));
        Assert.DoesNotContain((byte)'\r', first);
        Assert.Equal((byte)'\n', first[^1]);
    }

    private static byte[] Write(byte[] canonical)
    {
        using var document = JsonDocument.Parse(canonical);
        return YamlRecordWriter.Write(document.RootElement);
    }

    private static string Text(JsonObject record) => Encoding.UTF8.GetString(Write(Samples.Canonical(record)));

    private static JsonObject ReadBack(string yaml) => JsonNode.Parse(YamlRecordReader.ReadJson(Encoding.UTF8.GetBytes(yaml)))!.AsObject();
}
