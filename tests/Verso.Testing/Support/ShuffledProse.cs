using System.Globalization;
using System.Text;

namespace Verso.Testing.Support;

/// <summary>
/// The record that made diff and blame run for minutes: a long prose text whose second version has the same
/// lines in another order, so every line is both removed and added and Myers' work is lines × lines.
/// </summary>
public static class ShuffledProse
{
    /// <summary>The text of <paramref name="lines"/> distinct lines of prose, about 33 bytes each.</summary>
    public static string Original(int lines) => Join(Enumerable.Range(1, lines));

    /// <summary>The same lines as <see cref="Original"/>, shuffled by a seeded random order.</summary>
    public static string Shuffled(int lines, int seed = 7)
    {
        var order = Enumerable.Range(1, lines).ToArray();
        new Random(seed).Shuffle(order);
        return Join(order);
    }

    /// <summary>An agent record whose charter is <paramref name="charter"/>, as JSON.</summary>
    public static string Agent(string charter) =>
        $$"""{"id":"prose","name":"Prose","role":"writer","charter":{{System.Text.Json.JsonSerializer.Serialize(charter)}}}""";

    private static string Join(IEnumerable<int> numbers)
    {
        var text = new StringBuilder();
        foreach (var n in numbers)
        {
            text.Append(CultureInfo.InvariantCulture, $"Line {n:D5} says what the agent does.\n");
        }

        return text.ToString();
    }
}
