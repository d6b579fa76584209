using System.Text;

namespace Verso.Cli.Infrastructure;

/// <summary>
/// Columns padded to their widest cell and separated by two spaces, nothing else: no border, no blank
/// lines, no wrapping at the terminal's width, so piped output is as easy to read (and to cut) as a terminal's.
/// </summary>
internal sealed class PlainTable(params string[] headers)
{
    private readonly List<string[]> _rows = [headers];

    public PlainTable Add(params string[] cells)
    {
        _rows.Add(cells);
        return this;
    }

    public void WriteTo(TextWriter writer)
    {
        var widths = Enumerable.Range(0, _rows[0].Length).Select(i => _rows.Max(r => i < r.Length ? r[i].Length : 0)).ToArray();
        foreach (var row in _rows)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                line.Append(i == row.Length - 1 ? row[i] : row[i].PadRight(widths[i] + 2));
            }

            writer.WriteLine(line.ToString().TrimEnd());
        }
    }
}
