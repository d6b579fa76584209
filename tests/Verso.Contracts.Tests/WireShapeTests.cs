using System.Text;
using System.Text.Json;
using Verso.Contracts.Json;
using Verso.Contracts.Tags;
using Verso.Contracts.Tokens;

namespace Verso.Contracts.Tests;

/// <summary>The contracts write the bytes Verso's faces always wrote: snake_case, declared order, absent values left out.</summary>
public sealed class WireShapeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 6, 12, 0, 0, 120, TimeSpan.FromHours(2));

    [Fact]
    public void AFirstTagMoveLeavesOutWhatItDoesNotHave()
    {
        var move = new TagMove { Tag = "production", ToVersion = 3, MovedBy = "ann", MovedAt = Noon };

        Assert.Equal("""{"tag":"production","to_version":3,"moved_by":"ann","moved_at":"2026-12-06T10:00:00.12Z"}""", VersoJson.ToJson(move));
    }

    [Fact]
    public void TimesAreUtcWithAtMostSixFractionDigitsAndNoTrailingZeros()
    {
        var whole = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var fine = whole.AddTicks(1_234_567);

        Assert.Contains("\"moved_at\":\"2026-01-02T03:04:05Z\"", VersoJson.ToJson(new TagMove { Tag = "t", ToVersion = 1, MovedBy = "a", MovedAt = whole }), StringComparison.Ordinal);
        Assert.Contains("\"moved_at\":\"2026-01-02T03:04:05.123456Z\"", VersoJson.ToJson(new TagMove { Tag = "t", ToVersion = 1, MovedBy = "a", MovedAt = fine }), StringComparison.Ordinal);
    }

    [Fact]
    public void NonAsciiTextStaysReadable()
    {
        var token = new TokenInfo { Name = "zoë", Role = "reader", Kinds = ["doc"], ActAs = false, Revoked = false };

        Assert.Equal("""{"name":"zoë","role":"reader","kinds":["doc"],"act_as":false,"revoked":false}""", VersoJson.ToJson(token));
    }

    [Fact]
    public void ATokenRequestReadsFromSnakeCase()
    {
        var request = JsonSerializer.Deserialize("""{"name":"bot","role":"writer","kinds":["a"],"act_as":true}""", VersoJson.TypeInfo<TokenRequest>())!;

        Assert.Equal(new[] { "a" }, request.Kinds);
        Assert.True(request.ActAs);
        Assert.Equal("writer", request.Role);
    }

    [Theory]
    [InlineData("""{"a":1e+21,"b":"\u00e9","c":[1.5,-0]}""")]
    [InlineData("""{"z":1,"a":2}""")]
    [InlineData("123456789012345678901234567890")]
    public void RawContentIsWrittenByteForByte(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var written = JsonSerializer.SerializeToUtf8Bytes(new RawJson(bytes), VersoJson.Options);

        Assert.Equal(bytes, written);
        Assert.Equal(bytes, JsonSerializer.Deserialize<RawJson>(written, VersoJson.Options).Utf8.ToArray());
    }

    [Fact]
    public void RawContentMustBeOneJsonValue() =>
        Assert.Throws<ArgumentException>(() => new RawJson(Encoding.UTF8.GetBytes("{\"a\":")));

    [Fact]
    public void ATypeThatIsNotAContractIsRefused() =>
        Assert.Throws<NotSupportedException>(() => VersoJson.TypeInfo<Uri>());
}
