using FsCheck;
using FsCheck.Fluent;

namespace Verso.Core.Tests.Support;

/// <summary>FsCheck generators of arbitrary JSON values, biased towards what canonicalization gets wrong.</summary>
internal static class ArbitraryJson
{
    // Pieces strings are built from, so every generated string is valid UTF-16: controls, characters
    // that must or may be escaped, characters whose UTF-8 and UTF-16 orders differ, and surrogate pairs.
    private static readonly string[] StringPieces =
    [
        "a", "b", "z", "A", "0", "1", " ", "~", "/", "\"", "\\", "\u007f", "\u0080", "\u00e9", "\u00f6",
        "\u20ac", "\u2028", "\u2029", "\ud7ff", "\ue000", "\ufb33", "\uffff", "\U0001F600", "\U0001D11E", "\U0010FFFF",
        "\u0000", "\u0001", "\b", "\t", "\n", "\u000b", "\f", "\r", "\u001f",
    ];

    private static readonly double[] SpecialNumbers =
    [
        0.0, -0.0, 1, -1, 0.1, 0.5, 100, 1e21, 1e20, 1e-6, 1e-7, 1.5e-7, 9007199254740991, 9007199254740992,
        double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308,
        333333333.33333329, 4.35, 0.30000000000000004, 123456789012345680000.0,
    ];

    public static Arbitrary<TestJson> Values { get; } = Arb.From(Gen.Sized(size => Value(Math.Min(size, 40))));

    public static Gen<string> Strings { get; } =
        Gen.Elements(StringPieces).ListOf().Select(pieces => string.Concat(pieces.Take(12)));

    public static Gen<double> Numbers { get; } = Gen.Frequency(
        (2, Gen.Elements(SpecialNumbers)),
        (2, Gen.Choose(-1_000_000, 1_000_000).Select(i => (double)i)),
        (2, Gen.Choose(-1_000_000, 1_000_000).Zip(Gen.Choose(1, 1_000_000), (a, b) => (double)a / b)),
        (3, Gen.Choose(0, int.MaxValue).Select(seed => BitConverter.Int64BitsToDouble(new Random(seed).NextInt64(long.MinValue, long.MaxValue)))
            .Where(double.IsFinite)));

    private static Gen<TestJson> Value(int size) => size <= 1
        ? Scalar
        : Gen.Frequency((3, Scalar), (1, Array(size)), (2, Object(size)));

    private static Gen<TestJson> Scalar { get; } = Gen.Frequency(
        (3, Strings.Select(s => (TestJson)new TestJson.Str(s))),
        (3, Numbers.Select(d => (TestJson)new TestJson.Num(d))),
        (1, Gen.Elements("true", "false", "null").Select(t => (TestJson)new TestJson.Lit(t))));

    private static Gen<TestJson> Array(int size) =>
        from count in Gen.Choose(0, 5)
        from items in Value(size / (count + 1)).ListOf(count)
        select (TestJson)new TestJson.Arr(items);

    private static Gen<TestJson> Object(int size) =>
        from count in Gen.Choose(0, 6)
        from keys in Strings.ListOf(count)
        from values in Value(size / (count + 1)).ListOf(count)
        select (TestJson)new TestJson.Obj(keys.Zip(values, KeyValuePair.Create)
            .DistinctBy(member => member.Key, StringComparer.Ordinal)
            .ToList());
}
