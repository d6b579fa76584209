using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Verso.Documents.Canonical;
using Verso.Core.Tests.Support;
using Verso.Documents.Hashing;

namespace Verso.Core.Tests.Canonical;

/// <summary>Invariants of canonicalization over arbitrary JSON values.</summary>
public sealed class CanonicalJsonPropertyTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(300);

    // A value and a seed for the random choices of one spelling of it.
    private static readonly Arbitrary<(TestJson Value, int Seed)> ValueAndSeed =
        Arb.From(ArbitraryJson.Values.Generator.Zip(Gen.Choose(0, int.MaxValue)));

    [Fact]
    public void PermutingPropertiesNeverChangesTheCanonicalBytesOrHash()
    {
        Check.One(Cases, Prop.ForAll(ValueAndSeed, input =>
        {
            var inOrder = Canonical(TestJsonWriter.Plain(input.Value));
            var shuffled = Canonical(TestJsonWriter.Write(input.Value, shuffle: new Random(input.Seed)));

            return inOrder.AsSpan().SequenceEqual(shuffled) && ContentHash.Compute(inOrder) == ContentHash.Compute(shuffled);
        }));
    }

    [Fact]
    public void CanonicalOutputParsesBackToAnEqualValueAndIsAFixedPoint()
    {
        Check.One(Cases, Prop.ForAll(ArbitraryJson.Values, value =>
        {
            var canonical = Canonical(TestJsonWriter.Plain(value));
            using var parsed = JsonDocument.Parse(canonical);

            return TestJson.SameValue(value, TestJson.From(parsed.RootElement))
                && CanonicalJson.Canonicalize(canonical).AsSpan().SequenceEqual(canonical);
        }));
    }

    [Fact]
    public void InsertingWhitespaceNeverChangesTheOutput()
    {
        Check.One(Cases, Prop.ForAll(ValueAndSeed, input =>
        {
            var plain = Canonical(TestJsonWriter.Plain(input.Value));
            var spaced = Canonical(TestJsonWriter.Write(input.Value, whitespace: new Random(input.Seed)));

            return plain.AsSpan().SequenceEqual(spaced);
        }));
    }

    [Fact]
    public void SpellingStringsAndNumbersDifferentlyNeverChangesTheOutput()
    {
        Check.One(Cases, Prop.ForAll(ValueAndSeed, input =>
        {
            var plain = Canonical(TestJsonWriter.Plain(input.Value));
            var respelled = Canonical(TestJsonWriter.Write(input.Value, spelling: new Random(input.Seed)));

            return plain.AsSpan().SequenceEqual(respelled);
        }));
    }

    [Fact]
    public void AllVariationsTogetherNeverChangeTheOutput()
    {
        Check.One(Cases, Prop.ForAll(ValueAndSeed, input =>
        {
            var random = new Random(input.Seed);
            var plain = Canonical(TestJsonWriter.Plain(input.Value));
            var varied = Canonical(TestJsonWriter.Write(input.Value, random, random, random));

            return plain.AsSpan().SequenceEqual(varied);
        }));
    }

    [Fact]
    public void CanonicalOutputHasNoWhitespaceAndSortedMembers()
    {
        Check.One(Cases, Prop.ForAll(ValueAndSeed, input =>
        {
            var canonical = Canonical(TestJsonWriter.Write(input.Value, shuffle: new Random(input.Seed)));
            using var parsed = JsonDocument.Parse(canonical);

            return IsSorted(parsed.RootElement) && !HasWhitespaceOutsideStrings(canonical);
        }));
    }

    [Fact]
    public void AParsedElementCanonicalizesLikeItsText()
    {
        Check.One(Cases, Prop.ForAll(ValueAndSeed, input =>
        {
            var text = TestJsonWriter.Write(input.Value, shuffle: new Random(input.Seed));
            using var document = JsonDocument.Parse(text);

            return CanonicalJson.Canonicalize(document.RootElement).AsSpan().SequenceEqual(Canonical(text));
        }));
    }

    private static byte[] Canonical(string json) => CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json));

    private static bool IsSorted(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Zip(element.EnumerateObject().Skip(1))
                .All(pair => string.CompareOrdinal(pair.First.Name, pair.Second.Name) < 0)
            && element.EnumerateObject().All(member => IsSorted(member.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(IsSorted),
        _ => true,
    };

    private static bool HasWhitespaceOutsideStrings(byte[] json)
    {
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString && b == (byte)'\\')
            {
                i++;
            }
            else if (b == (byte)'"')
            {
                inString = !inString;
            }
            else if (!inString && b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                return true;
            }
        }

        return false;
    }
}
