using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;

namespace Verso.Files.Tests.Support;

/// <summary>FsCheck generators of JSON objects, biased towards what YAML gets wrong.</summary>
internal static class ArbitraryJson
{
    // Whole strings a YAML reader would take for something else, or that plain style cannot hold.
    private static readonly string[] Lookalikes =
    [
        "", " ", "null", "Null", "~", "true", "False", "yes", "No", "on", "y", "1", "-1", "007", "0x1F", "0o17", "1e3", "1_000",
        "+1", ".5", "1.", ".inf", "-.Inf", ".nan", "2026-11-01", "2026-11-01T12:00:00Z", "12:30", "1:20:30", "- a", "? a",
        "a: b", "a #b", "#", "&a", "*a", "!a", "!!str", "%x", "@x", "`x", "|", ">", "---", "...", "{}", "[]", "'", "\"",
        "<<", "=", "sha256:ab", "a\u00a0", "\u00a0a",
    ];

    // Pieces of longer strings: line breaks of every kind, blanks, indicators, controls, non-ASCII, emoji.
    private static readonly string[] Pieces =
    [
        "a", "b", "Z", "0", "9", " ", "  ", "\n", "\n\n", "\r", "\r\n", "\t", "#", ":", ": ", "-", "- ", "'", "\"", "\\",
        "|", ">", "{", "[", "&", "*", "!", "%", "@", "`", ",", "?", "é", "ß", "日本", "\U0001F600", "\U0001F680", "\u00a0",
        "\u0085", "\u2028", "\u2029", "\ufeff", "\ufffe", "\u0000", "\u0001", "\u001b", "\u007f", "\u0080", "---", "...",
    ];

    private static readonly double[] SpecialNumbers =
    [
        0, -0.0, 1, -1, 0.1, 0.5, 100, 1e21, 1e20, 1e-6, 1e-7, 1.5e-7, 9007199254740993, double.MaxValue, double.Epsilon, 4.35,
    ];

    public static Gen<string> Strings { get; } = Gen.Frequency(
        (1, Gen.Elements(Lookalikes)),
        (4, Gen.Elements(Pieces).ListOf().Select(pieces => string.Concat(pieces.Take(16)))));

    /// <summary>JSON objects nested a few levels deep.</summary>
    public static Gen<JsonObject> Objects { get; } = Gen.Sized(size => Object(Math.Min(size, 30)));

    private static Gen<double> Numbers { get; } = Gen.Frequency(
        (2, Gen.Elements(SpecialNumbers)),
        (2, Gen.Choose(-1_000_000, 1_000_000).Select(i => (double)i)),
        (2, Gen.Choose(-1_000_000, 1_000_000).Zip(Gen.Choose(1, 1_000_000), (a, b) => (double)a / b)));

    private static Gen<JsonNode?> Value(int size) => size <= 1
        ? Scalar
        : Gen.Frequency((3, Scalar), (1, Array(size)), (2, Object(size).Select(o => (JsonNode?)o)));

    private static Gen<JsonNode?> Scalar { get; } = Gen.Frequency(
        (4, Strings.Select(s => (JsonNode?)JsonValue.Create(s))),
        (2, Numbers.Select(d => (JsonNode?)JsonValue.Create(d))),
        (1, Gen.Elements<JsonNode?>(JsonValue.Create(true), JsonValue.Create(false), null)));

    private static Gen<JsonNode?> Array(int size) =>
        from count in Gen.Choose(0, 4)
        from items in Value(size / (count + 1)).ListOf(count)
        select (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]);

    private static Gen<JsonObject> Object(int size) =>
        from count in Gen.Choose(0, 5)
        from keys in Strings.ListOf(count)
        from values in Value(size / (count + 1)).ListOf(count)
        select new JsonObject(keys.Zip(values, (k, v) => KeyValuePair.Create(k, v?.DeepClone()))
            .DistinctBy(member => member.Key, StringComparer.Ordinal));
}
