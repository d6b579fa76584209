using System.Text;
using System.Text.Json.Nodes;
using Verso.Files.Errors;
using Verso.Files.Yaml;

namespace Verso.Files.Tests.Yaml;

public sealed class YamlReaderTests
{
    [Theory]
    [InlineData("value: 1", "1")]
    [InlineData("value: -2.5e3", "-2.5e3")]
    [InlineData("value: true", "true")]
    [InlineData("value: False", "false")]
    [InlineData("value: ~", "null")]
    [InlineData("value:", "null")]
    [InlineData("value: yes", "\"yes\"")]
    [InlineData("value: 0x1F", "\"0x1F\"")]
    [InlineData("value: 007", "\"007\"")]
    [InlineData("value: +1", "\"+1\"")]
    [InlineData("value: 2026-11-01", "\"2026-11-01\"")]
    [InlineData("value: '1'", "\"1\"")]
    [InlineData("value: \"true\"", "\"true\"")]
    [InlineData("value: !!str 12", "\"12\"")]
    [InlineData("value: !!int 12", "12")]
    [InlineData("value: |\n  a\n  b\n", "\"a\\nb\\n\"")]
    [InlineData("value: |\n  a\n  b", "\"a\\nb\"")]
    [InlineData("value: >-\n  a\n  b", "\"a b\"")]
    [InlineData("value: [1, a, {b: c}]", "[1,\"a\",{\"b\":\"c\"}]")]
    public void PlainScalarsAreTypedByJsonsGrammarAndEverythingElseIsAString(string yaml, string json)
    {
        Assert.Equal(JsonNode.Parse($$"""{"value":{{json}}}""")!.ToJsonString(), Read(yaml).ToJsonString());
    }

    [Fact]
    public void HandWrittenYamlWithCommentsAndAByteOrderMarkReads()
    {
        var yaml = "\uFEFF# an agent\nid: alice   # the id\nname: Alice\n";

        Assert.Equal("""{"id":"alice","name":"Alice"}""", Read(yaml).ToJsonString());
    }

    [Theory]
    [InlineData("a: 1\na: 2", 2, "appears twice")]
    [InlineData("a: &x 1\nb: *x", 2, "aliases")]
    [InlineData("a: .inf", 1, "no JSON value")]
    [InlineData("a: .NaN", 1, "no JSON value")]
    [InlineData("? [a]\n: 1", 1, "a key must be")]
    [InlineData("a: !!binary aGk=", 1, "tag")]
    [InlineData("a: !!int twelve", 1, "not a number")]
    [InlineData("a: 1\n---\nb: 2", 2, "more than one YAML document")]
    [InlineData("a: [1, 2", 2, "not valid YAML")]
    [InlineData("a: \"\\uD800\"", 1, "not valid YAML")]
    [InlineData("", 1, "no YAML document")]
    public void YamlWithoutAJsonValueIsRefusedNamingItsLine(string yaml, int line, string words)
    {
        var error = Assert.Throws<RecordFileException>(() => Read(yaml));

        Assert.Contains(words, error.Reason, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void BytesThatAreNotUtf8AreRefused()
    {
        var error = Assert.Throws<RecordFileException>(() => YamlRecordReader.ReadJson([.. "a: "u8, 0xFF, 0xFE]));

        Assert.Contains("not UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NestingDeeperThanCanonicalJsonAllowsIsRefusedWithoutExhaustingTheStack()
    {
        var yaml = "a: " + new string('[', 10_000) + new string(']', 10_000);

        Assert.Contains("nested deeper", Assert.Throws<RecordFileException>(() => Read(yaml)).Reason, StringComparison.Ordinal);
    }

    private static JsonNode Read(string yaml) => JsonNode.Parse(YamlRecordReader.ReadJson(Encoding.UTF8.GetBytes(yaml)))!;
}
