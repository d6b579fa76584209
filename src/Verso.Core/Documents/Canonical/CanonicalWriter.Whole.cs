using System.Runtime.InteropServices;
using System.Text.Json;

namespace Verso.Documents.Canonical;

/// <summary>
/// The whole form with the spans of excluded members noted, so that one parse and one pass give a
/// validated kind both the record its validator reads and the one the store keeps.
/// </summary>
internal sealed partial class CanonicalWriter
{
    // Set when writing the whole form: the spans of excluded members, in order, to cut for the kept form.
    private List<(int Start, int End)>? _cuts;

    /// <summary>
    /// Canonicalizes a value whole and without the members under <paramref name="excluded"/>, in one pass:
    /// the whole form is written with each excluded member's span noted, and the other form is the whole
    /// one with those spans cut out. Both are the same array when nothing was excluded.
    /// </summary>
    public static (byte[] Whole, byte[] Kept) WriteWholeAndKept(JsonElement root, JsonPointerNode? excluded)
    {
        using var writer = new CanonicalWriter(JsonMarshal.GetRawUtf8Value(root).Length + 16);
        writer._cuts = excluded is null ? null : [];
        writer.WriteValue(root, excluded);
        var whole = writer._output.ToArray();
        if (writer._cuts is not { Count: > 0 } cuts)
        {
            return (whole, whole);
        }

        var kept = new byte[whole.Length - cuts.Sum(c => c.End - c.Start)];
        var from = 0;
        var to = 0;
        foreach (var (start, end) in cuts)
        {
            whole.AsSpan(from, start - from).CopyTo(kept.AsSpan(to));
            to += start - from;
            from = end;
        }

        whole.AsSpan(from).CopyTo(kept.AsSpan(to));
        return (whole, kept);
    }

    /// <summary>
    /// Writes every member, excluded ones included, and notes the bytes to cut for the form without them:
    /// an excluded member with a kept member before it goes with the comma before it; one without goes
    /// with the comma after it (the next member's), so the cut form has the commas the other writer writes.
    /// </summary>
    private void WriteMembersWhole(int membersMark, int count, JsonPointerNode? excluded)
    {
        var kept = 0;
        var pending = -1;
        for (var i = membersMark; i < membersMark + count; i++)
        {
            var member = _members[i];
            if (i > membersMark && CompareNames(_members[i - 1], member) == 0)
            {
                _path[_depth] = Step.Member(i);
                throw Problem("Duplicate property name", _depth);
            }

            var child = excluded?.Find(NameOf(member));
            _path[_depth] = Step.Member(i);
            var start = _output.Length;
            if (i > membersMark)
            {
                _output.Write((byte)',');
                if (pending >= 0)
                {
                    _cuts![pending] = (_cuts[pending].Start, _output.Length);
                    pending = -1;
                }
            }

            var isExcluded = child is { IsExcluded: true };
            var memberStart = _output.Length;
            WriteString(JsonMarshal.GetRawUtf8PropertyName(member.Property), isName: true);
            _output.Write((byte)':');
            WriteValue(member.Property.Value, isExcluded ? null : child);
            if (!isExcluded)
            {
                kept++;
            }
            else if (kept > 0)
            {
                _cuts!.Add((start, _output.Length));
            }
            else
            {
                pending = _cuts!.Count;
                _cuts.Add((memberStart, _output.Length));
            }
        }
    }
}
