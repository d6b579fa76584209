using System.Globalization;
using System.Text;
using System.Text.Json;
using Verso.Documents.Canonical;

namespace Verso.Testing.Support;

/// <summary>A long charter edited one line per version: the history deltas are made for.</summary>
public static class Charters
{
    /// <summary>The charter after <paramref name="edit"/> one-line edits (edit k rewrites line (k - 1) mod <paramref name="lines"/>).</summary>
    public static CanonicalDocument Edited(int edit, int lines = 120)
    {
        var text = new StringBuilder();
        for (var line = 0; line < lines; line++)
        {
            var revision = edit > line ? line + 1 + (lines * ((edit - 1 - line) / lines)) : 0;
            text.Append(CultureInfo.InvariantCulture, $"- Rule {line}: review every change to service {line % 7} with care, revision {revision}\n");
        }

        return CanonicalJson.CreateDocument(Encoding.UTF8.GetBytes($$"""{"id":"reviewer","charter":{{JsonSerializer.Serialize(text.ToString())}}}"""));
    }
}
