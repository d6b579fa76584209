using System.Text;

namespace Verso.Compare;

// The records every pair saves: the seed platform's agent record shape (about 2.2 KB, a 1,900-character
// charter and a counter), and a 21 KB charter edited one line at a time.
internal static class Records
{
    private static readonly string Charter = string.Concat(Enumerable.Repeat("You are a careful reviewer. ", 70))[..1900];

    public static byte[] Agent(int counter) => Encoding.UTF8.GetBytes(
        $$"""{"id":"a1","name":"Alice","role":"reviewer","department":"eng","level":"senior","model":{"provider":"x","model_id":"m","temperature":0.2,"max_tokens":4096},"tools":{"access_level":"standard","allowed":["git","grep"],"denied":[]},"autonomy_level":"supervised","charter":"{{Charter}}","counter":{{counter}}}""");

    /// <summary>The charter's Markdown after <paramref name="edit"/> one-line edits: line (edit mod lines) says so.</summary>
    public static string LongCharter(int edit)
    {
        const int Lines = 300;
        var text = new StringBuilder();
        for (var line = 0; line < Lines; line++)
        {
            // The last edit that touched this line: edit k rewrites line (k - 1) mod Lines.
            var revision = edit > line ? line + 1 + (Lines * ((edit - 1 - line) / Lines)) : 0;
            text.Append("- Rule ").Append(line).Append(": review every change to the payments service with care, edit ")
                .Append(revision).Append('\n');
        }

        return text.ToString();
    }

    public static byte[] LongCharterRecord(int edit) => Encoding.UTF8.GetBytes(
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["id"] = "reviewer", ["charter"] = LongCharter(edit) }));
}
