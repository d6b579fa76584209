using System.Globalization;
using System.Text;
using Verso.Documents.Canonical;
using Verso.Core.Tests.Support;

namespace Verso.Core.Tests.Canonical;

/// <summary>Numbers come out as ECMAScript's Number.prototype.toString writes them (RFC 8785 section 3.2.2.3).</summary>
public sealed class NumberFormattingTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("-0.0", "0")]
    [InlineData("0e10", "0")]
    [InlineData("1", "1")]
    [InlineData("-1", "-1")]
    [InlineData("1.0", "1")]
    [InlineData("100", "100")]
    [InlineData("1E2", "100")]
    [InlineData("1e1", "10")]
    [InlineData("12.50", "12.5")]
    [InlineData("0.1", "0.1")]
    [InlineData("0.30000000000000004", "0.30000000000000004")]
    [InlineData("123456789012345", "123456789012345")]
    [InlineData("1234567890123456", "1234567890123456")]
    [InlineData("12345678901234567", "12345678901234568")]
    [InlineData("9007199254740991", "9007199254740991")]
    [InlineData("9007199254740992", "9007199254740992")]
    [InlineData("9007199254740993", "9007199254740992")]
    [InlineData("-9007199254740993", "-9007199254740992")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("100000000000000000000.0", "100000000000000000000")]
    [InlineData("999999999999999900000", "999999999999999900000")]
    [InlineData("999999999999999999999", "1e+21")]
    [InlineData("1e21", "1e+21")]
    [InlineData("-1e21", "-1e+21")]
    [InlineData("1E30", "1e+30")]
    [InlineData("123456789012345678901234", "1.2345678901234569e+23")]
    [InlineData("1234567.8901", "1234567.8901")]
    [InlineData("1e-5", "0.00001")]
    [InlineData("1e-6", "0.000001")]
    [InlineData("0.000001234", "0.000001234")]
    [InlineData("1.2e-6", "0.0000012")]
    [InlineData("1e-7", "1e-7")]
    [InlineData("5e-7", "5e-7")]
    [InlineData("1.5e-7", "1.5e-7")]
    [InlineData("-1.5e-7", "-1.5e-7")]
    [InlineData("123e-20", "1.23e-18")]
    [InlineData("0.000000000000000000000000001", "1e-27")]
    [InlineData("333333333.33333329", "333333333.3333333")]
    [InlineData("4.50", "4.5")]
    [InlineData("2e-3", "0.002")]
    [InlineData("5e-324", "5e-324")]
    [InlineData("4.9406564584124654e-324", "5e-324")]
    [InlineData("2.2250738585072014e-308", "2.2250738585072014e-308")]
    [InlineData("2.225073858507201e-308", "2.225073858507201e-308")]
    [InlineData("1.7976931348623157e308", "1.7976931348623157e+308")]
    [InlineData("-1.7976931348623157E+308", "-1.7976931348623157e+308")]
    public void NumbersAreWrittenAsEcmaScriptWritesThem(string input, string expected)
    {
        Assert.Equal(expected, Canon.Text(input));
        Assert.Equal($"[{expected}]", Canon.Text($"[{input}]"));
    }

    [Theory]
    [InlineData("1e-400")]
    [InlineData("-1e-400")]
    [InlineData("2e-324")]
    public void NumbersTooSmallForADoubleBecomeZeroAsInJsonParse(string input)
    {
        Assert.Equal("0", Canon.Text(input));
    }

    [Fact]
    public void NumbersInsideObjectsAreFormattedToo()
    {
        Assert.Equal("""{"a":1e+21,"b":[0.5,0]}""", Canon.Text("""{"b":[5E-1,-0],"a":1000000000000000000000}"""));
    }

    [Theory]
    [InlineData(1e21, "1e+21")]
    [InlineData(1e-7, "1e-7")]
    [InlineData(-5e-324, "-5e-324")]
    [InlineData(0.5, "0.5")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    public void TheFormatterWritesDoublesDirectly(double value, string expected)
    {
        var buffer = new byte[EcmaScriptNumberFormatter.MaxLength];

        var length = EcmaScriptNumberFormatter.Format(value, buffer);

        Assert.Equal(expected, Encoding.ASCII.GetString(buffer, 0, length));
    }

    [Fact]
    public void EveryFormattedNumberParsesBackToTheSameDouble()
    {
        var random = new Random(8785);
        var buffer = new byte[EcmaScriptNumberFormatter.MaxLength];
        for (var i = 0; i < 20_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (!double.IsFinite(value))
            {
                continue;
            }

            var text = Encoding.ASCII.GetString(buffer, 0, EcmaScriptNumberFormatter.Format(value, buffer));

            Assert.Equal(value == 0 ? 0 : value, double.Parse(text, CultureInfo.InvariantCulture));
            Assert.DoesNotContain("E", text, StringComparison.Ordinal);
        }
    }
}
