using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verso.Documents.Patch;

/// <summary>
/// Equality as RFC 6902 §4.6 defines it for <c>test</c>: same type; strings by code units; numbers by their
/// mathematical value (so <c>1</c>, <c>1.0</c> and <c>1e0</c> are equal); objects as unordered maps of
/// equal members; arrays element by element in order; literals by identity. A C# null is JSON null.
/// </summary>
internal static class JsonValueEquality
{
    public static bool AreEqual(JsonNode? left, JsonNode? right)
    {
        var kind = Kind(left);
        if (kind != Kind(right))
        {
            return false;
        }

        return kind switch
        {
            JsonValueKind.Object => ObjectsEqual((JsonObject)left!, (JsonObject)right!),
            JsonValueKind.Array => ArraysEqual((JsonArray)left!, (JsonArray)right!),
            JsonValueKind.String => string.Equals(StringOf(left!), StringOf(right!), StringComparison.Ordinal),
            JsonValueKind.Number => NumbersEqual(left!.ToJsonString(), right!.ToJsonString()),
            _ => true, // true, false and null carry nothing beyond their kind
        };
    }

    private static JsonValueKind Kind(JsonNode? node) => node?.GetValueKind() ?? JsonValueKind.Null;

    private static bool ObjectsEqual(JsonObject left, JsonObject right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (name, value) in left)
        {
            if (!right.TryGetPropertyValue(name, out var other) || !AreEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ArraysEqual(JsonArray left, JsonArray right)
    {
        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            if (!AreEqual(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    // A JsonValue may wrap a string, a char, a Guid or a parsed element; its JSON text is the one
    // spelling they all share, so read that back when the value is not a plain string.
    private static string StringOf(JsonNode node)
    {
        if (node.AsValue().TryGetValue<string>(out var text))
        {
            return text;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(node.ToJsonString()));
        reader.Read();
        return reader.GetString()!;
    }

    // Compared exactly on the decimal text rather than as doubles, so two integers beyond 2^53 that a
    // double cannot tell apart are still different numbers.
    internal static bool NumbersEqual(string left, string right) => Normalize(left).Equals(Normalize(right));

    /// <summary>The value of a JSON number as sign, significant digits (no leading or trailing zeros) and a power of ten.</summary>
    private static (bool Negative, string Digits, BigInteger Exponent) Normalize(string number)
    {
        var negative = number.StartsWith('-');
        var body = negative ? number[1..] : number;

        var exponent = BigInteger.Zero;
        var e = body.IndexOfAny(['e', 'E']);
        if (e >= 0)
        {
            exponent = BigInteger.Parse(body[(e + 1)..].TrimStart('+'), CultureInfo.InvariantCulture);
            body = body[..e];
        }

        var dot = body.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            exponent -= body.Length - dot - 1;
            body = body.Remove(dot, 1);
        }

        var digits = body.TrimStart('0');
        var trimmed = digits.TrimEnd('0');
        exponent += digits.Length - trimmed.Length;

        // Zero has no sign and no exponent: -0, 0.0 and 0e5 are all the same number.
        return trimmed.Length == 0 ? (false, "", BigInteger.Zero) : (negative, trimmed, exponent);
    }
}
