using System.Globalization;
using System.Text;
using Verso.Documents.Canonical;
using Verso.Naming;
using Verso.Storage;

namespace Verso.Testing.Support;

/// <summary>Anonymous test data: distinct, valid values whose exact content does not matter to the test.</summary>
public static class Some
{
    private static int _counter;

    /// <summary>A fixed instant, in UTC, with microsecond precision as stores keep it.</summary>
    public static DateTimeOffset Instant { get; } = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A new unique entity id.</summary>
    public static string Id(string prefix = "entity") =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{Interlocked.Increment(ref _counter)}");

    /// <summary>A new unique key of the given kind.</summary>
    public static EntityKey Key(string kind = "agent") => EntityKey.Create(kind, Id());

    /// <summary>A canonical JSON object that differs for every <paramref name="n"/>.</summary>
    public static CanonicalDocument Document(int n) => Json($$"""{"name":"agent {{n}}","n":{{n}}}""");

    /// <summary>A canonical document from JSON text.</summary>
    public static CanonicalDocument Json(string json) => CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes(json));

    /// <summary>An append request with sensible defaults.</summary>
    public static AppendRequest Append(EntityKey key, CanonicalDocument content, string by = "tester") =>
        new(key, content, by, Instant);
}
