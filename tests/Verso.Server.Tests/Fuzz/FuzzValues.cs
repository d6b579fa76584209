using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Verso.Server.Tests.Fuzz;

/// <summary>
/// The values requests are made of, by the name of the parameter or property they fill: mostly values of
/// the seeded store (so valid references hit real data), otherwise odd ones (empty, long, Unicode,
/// separators, numbers where names go).
/// </summary>
public sealed class FuzzValues(FuzzWorld world)
{
    private static readonly string[] OddStrings =
    [
        "", " ", "-", "_x", "a b", "ü", "名前", "x%2Fy", "%", "CON", "null", "true", "0", "-1", "1.5", "9999999999", "sha256:", "sha256:zz",
        "@{not a time}", "@{2026-11-01T12:00:00Z}", "~1", "a.b", "a..b", "A", "line\nbreak", "tab\t", "quote\"", "<script>", new string('x', 300),
        "production", "doc/alpha@1", "doc/alpha", "1e3", "\u0000",
        // Escape sequences, a forged header line, and a request line past Kestrel's 8 KB.
        "\u001b[2J", "a\r\nX-Injected: 1", new string('y', 9000),
    ];

    /// <summary>Odd strings that can go into a URL path segment without changing the route.</summary>
    public static Gen<string> OddSegment { get; } = Gen.Elements(OddStrings.Where(s => s.Length > 0 && s.Trim() == s && !s.Contains('\0', StringComparison.Ordinal)).ToArray());

    /// <summary>Odd strings for queries and bodies.</summary>
    public static Gen<string> Odd { get; } = Gen.Elements(OddStrings);

    /// <summary>A string value for a parameter or property called <paramref name="name"/>.</summary>
    public Gen<string> StringFor(string name) => name switch
    {
        "kind" => Gen.Frequency((5, Gen.Elements<string>(world.Kinds)), (1, Gen.Elements(FuzzInvariants.ReservedKinds)), (1, Odd)),
        "id" or "executor" or "reviewer" => Mostly(world.Ids),
        "ref" or "from" or "to" or "version" or "base" or "ours" or "theirs" => Mostly(world.Selectors),
        "a" or "b" or "executor_ref" or "reviewer_ref" or "target" or "entity" => Mostly(world.FullRefs),
        "at" or "executed_at" => Mostly(["2026-11-01T12:00:00Z", "2030-01-01T00:00:00Z", "1970-01-01T00:00:00Z", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)]),
        "name" or "tag" => Mostly([.. world.Tags, .. world.TokenNames, "lint", "review"]),
        "cr" => Mostly(world.ChangeRequests),
        "format" => Mostly(["json", "patch", "text"]),
        "status" => Mostly(["open", "approved", "rejected", "applied", "withdrawn", "stale"]),
        "verdict" => Mostly(["approve", "reject", "comment"]),
        "result" => Mostly(["pass", "fail"]),
        "role" => Mostly(["reader", "writer", "admin"]),
        "decision" => Mostly(["approved", "rejected", "auto_approved", "auto_rejected", "escalated"]),
        "saved_by" => Gen.Frequency((5, Gen.Elements("ann", "bob", world.AdminName)), (1, Gen.Elements(FuzzInvariants.ControlNames)), (1, Odd)),
        "cursor" => Mostly(world.Cursors),
        "If-Match" or "If-None-Match" => Mostly([.. world.ETags, "*", "\"1-abc\"", "W/\"1-abc\"", "garbage", "\"\""]),
        "Last-Event-ID" => Gen.Elements("0", "1", "3", "-1", "abc", "99999999999999999999", ""),
        "Accept" => Gen.Elements("text/event-stream", "application/json", "*/*", "text/html", "application/problem+json", "garbage"),
        "url" => Gen.Elements("https://ci.example/run/1", "not a url", ""),
        _ => Gen.Frequency((3, Gen.Elements("fuzz", "a message", "reason: release", "x")), (1, Odd)),
    };

    /// <summary>A whole number for a parameter or property called <paramref name="name"/> (int32 unless <paramref name="wide"/>).</summary>
    public static Gen<long> IntegerFor(string name, bool wide) => name switch
    {
        "version" or "to" or "base" or "ours" or "theirs" or "expected_version" or "keep" => Gen.Frequency((8, Gen.Choose(1, 4).Select(i => (long)i)), (2, Gen.Elements(0L, -1L, 99L, int.MaxValue))),
        "limit" => Gen.Elements(1L, 2L, 10L, 0L, -1L, 1000L, 100000L),
        "after" => Gen.Elements(0L, 1L, 3L, 50L, -1L, wide ? long.MaxValue : int.MaxValue),
        _ => Gen.Frequency((4, Gen.Choose(0, 10).Select(i => (long)i)), (1, Gen.Elements(-1L, int.MaxValue, int.MinValue))),
    };

    /// <summary>Text that is not a whole number of the given width, or is out of its range.</summary>
    public static Gen<string> NotAnInteger(bool wide) =>
        Gen.Elements("abc", "1.5", "1e3", "0x10", "two", "\u0663", wide ? "99999999999999999999" : "4294967296", "-", "true");

    /// <summary>Text that is not true or false.</summary>
    public static Gen<string> NotABoolean { get; } = Gen.Elements("maybe", "1", "yes", "tru", "null");

    private static Gen<string> Mostly(IReadOnlyCollection<string> known) =>
        known.Count == 0 ? Odd : Gen.Frequency((5, Gen.Elements<string>(known)), (1, Odd));
}
