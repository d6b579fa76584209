using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Verso.Errors;

namespace Verso.Documents.Canonical;

/// <summary>
/// Walks a parsed JSON value and writes its RFC 8785 form: members sorted by the UTF-16 code units of
/// their names, no whitespace, canonical strings and numbers, excluded members left out.
/// </summary>
/// <remarks>
/// Strings and names are read from the source bytes (<see cref="JsonMarshal"/>) rather than through
/// <see cref="JsonElement.GetString"/>, which would allocate and would hide lone surrogates and invalid
/// UTF-8 behind a generic error. Decoded names and the members being sorted live in pooled arrays used
/// as stacks: an object pushes its entries and pops them when written, so nesting costs no allocation.
/// </remarks>
internal sealed partial class CanonicalWriter : IDisposable
{
    private const int SmallObject = 16;

    private readonly PooledByteBuffer _output;
    private readonly Comparison<Member> _compareNames;
    private char[] _names = ArrayPool<char>.Shared.Rent(1024);
    private int _namesLength;
    private Member[] _members = ArrayPool<Member>.Shared.Rent(64);
    private int _membersLength;


    // The route from the root to the value being written, turned into a JSON pointer only for errors.
    private readonly Step[] _path = new Step[CanonicalJson.MaxDepth + 1];
    private int _depth;

    private CanonicalWriter(int capacity)
    {
        _output = new PooledByteBuffer(capacity);
        _compareNames = CompareNames;
    }

    /// <summary>Canonicalizes a value, leaving out the members under <paramref name="excluded"/>.</summary>
    public static byte[] Write(JsonElement root, JsonPointerNode? excluded)
    {
        using var writer = new CanonicalWriter(JsonMarshal.GetRawUtf8Value(root).Length + 16);
        writer.WriteValue(root, excluded);
        return writer._output.ToArray();
    }

    public void Dispose()
    {
        _output.Dispose();
        ArrayPool<char>.Shared.Return(_names);
        ArrayPool<Member>.Shared.Return(_members, clearArray: true);
    }

    private void WriteValue(JsonElement value, JsonPointerNode? excluded)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(value, excluded);
                break;
            case JsonValueKind.Array:
                WriteArray(value);
                break;
            case JsonValueKind.String:
                WriteString(JsonMarshal.GetRawUtf8Value(value), isName: false);
                break;
            case JsonValueKind.Number:
                WriteNumber(JsonMarshal.GetRawUtf8Value(value));
                break;
            case JsonValueKind.True:
                _output.Write("true"u8);
                break;
            case JsonValueKind.False:
                _output.Write("false"u8);
                break;
            case JsonValueKind.Null:
                _output.Write("null"u8);
                break;
            default:
                throw new ArgumentException($"A JSON value of kind {value.ValueKind} cannot be canonicalized", nameof(value));
        }
    }

    private void WriteObject(JsonElement value, JsonPointerNode? excluded)
    {
        Enter();
        var namesMark = _namesLength;
        var membersMark = _membersLength;
        foreach (var property in value.EnumerateObject())
        {
            PushMember(property);
        }

        var count = _membersLength - membersMark;
        SortMembers(_members.AsSpan(membersMark, count));
        _output.Write((byte)'{');
        if (_cuts is not null)
        {
            WriteMembersWhole(membersMark, count, excluded);
            _output.Write((byte)'}');
            _membersLength = membersMark;
            _namesLength = namesMark;
            _depth--;
            return;
        }

        var first = true;
        for (var i = membersMark; i < membersMark + count; i++)
        {
            // Index the field each time: writing a nested value may have moved the member stack.
            var member = _members[i];
            if (i > membersMark && CompareNames(_members[i - 1], member) == 0)
            {
                _path[_depth] = Step.Member(i);
                throw Problem("Duplicate property name", _depth);
            }

            var child = excluded?.Find(NameOf(member));
            _path[_depth] = Step.Member(i);
            if (child is { IsExcluded: true })
            {
                // An excluded value must still have a canonical form, so it is written and then dropped.
                var mark = _output.Length;
                WriteValue(member.Property.Value, null);
                _output.Truncate(mark);
                continue;
            }

            if (!first)
            {
                _output.Write((byte)',');
            }

            first = false;
            WriteString(JsonMarshal.GetRawUtf8PropertyName(member.Property), isName: true);
            _output.Write((byte)':');
            WriteValue(member.Property.Value, child);
        }

        _output.Write((byte)'}');
        _membersLength = membersMark;
        _namesLength = namesMark;
        _depth--;
    }

    private void WriteArray(JsonElement value)
    {
        Enter();
        _output.Write((byte)'[');
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (index > 0)
            {
                _output.Write((byte)',');
            }

            _path[_depth] = Step.Item(index++);

            // Pointers address object members only, so nothing inside an array is excluded.
            WriteValue(item, null);
        }

        _output.Write((byte)']');
        _depth--;
    }

    private void WriteString(ReadOnlySpan<byte> raw, bool isName)
    {
        var contents = isName ? raw : raw[1..^1];
        var problem = CanonicalStringWriter.Write(contents, _output);
        if (problem != StringProblem.None)
        {
            // A name's problem is found when decoding it, before any value is written.
            throw Problem(Describe(problem, isName ? "Property name" : "String"), _depth);
        }
    }

    private void WriteNumber(ReadOnlySpan<byte> token)
    {
        if (!EcmaScriptNumberFormatter.TryFormat(token, _output.GetSpan(Math.Max(token.Length, EcmaScriptNumberFormatter.MaxLength)), out var written))
        {
            var shown = token.Length > 40 ? Encoding.UTF8.GetString(token[..40]) + "…" : Encoding.UTF8.GetString(token);
            throw Problem($"Number {shown} is outside the range of a double (NaN and Infinity have no JSON form)", _depth);
        }

        _output.Advance(written);
    }

    private void Enter()
    {
        if (_depth == CanonicalJson.MaxDepth)
        {
            throw Problem($"Nesting is deeper than the maximum depth of {CanonicalJson.MaxDepth}", _depth);
        }

        _depth++;
    }

    private void PushMember(JsonProperty property)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (_names.Length - _namesLength < raw.Length)
        {
            _names = Grow(_names, _namesLength, raw.Length);
        }

        var problem = CanonicalStringWriter.Decode(raw, _names.AsSpan(_namesLength), out var nameLength);
        if (problem != StringProblem.None)
        {
            throw Problem(Describe(problem, "Property name"), _depth - 1);
        }

        if (_membersLength == _members.Length)
        {
            _members = Grow(_members, _membersLength, 1);
        }

        _members[_membersLength++] = new Member(property, _namesLength, nameLength);
        _namesLength += nameLength;
    }

    private void SortMembers(Span<Member> members)
    {
        if (members.Length > SmallObject)
        {
            members.Sort(_compareNames);
            return;
        }

        // Insertion sort: fastest for the few members most objects have, and linear when the input
        // is already sorted, as stored canonical JSON is.
        for (var i = 1; i < members.Length; i++)
        {
            var member = members[i];
            var j = i - 1;
            while (j >= 0 && CompareNames(members[j], member) > 0)
            {
                members[j + 1] = members[j];
                j--;
            }

            members[j + 1] = member;
        }
    }

    private ReadOnlySpan<char> NameOf(Member member) => _names.AsSpan(member.NameStart, member.NameLength);

    // Ordinal char comparison is comparison by UTF-16 code units, as RFC 8785 section 3.2.3 requires.
    private int CompareNames(Member left, Member right) => NameOf(left).SequenceCompareTo(NameOf(right));

    private static string Describe(StringProblem problem, string what) => problem switch
    {
        StringProblem.InvalidUtf8 => $"{what} is not valid UTF-8",
        _ => $"{what} has a lone surrogate (an unpaired \\ud800-\\udfff escape), which is not valid Unicode",
    };

    /// <summary>An error located at the value reached by the first <paramref name="depth"/> steps.</summary>
    private CanonicalJsonException Problem(string message, int depth)
    {
        var pointer = new StringBuilder();
        for (var i = 1; i <= depth; i++)
        {
            pointer.Append('/');
            var step = _path[i];
            if (step.MemberIndex < 0)
            {
                pointer.Append(step.ItemIndex);
                continue;
            }

            foreach (var c in NameOf(_members[step.MemberIndex]))
            {
                _ = c switch
                {
                    '~' => pointer.Append("~0"),
                    '/' => pointer.Append("~1"),
                    _ => pointer.Append(c),
                };
            }
        }

        return new CanonicalJsonException(message, pointer.ToString());
    }

    private static T[] Grow<T>(T[] array, int used, int needed)
    {
        var larger = ArrayPool<T>.Shared.Rent(Math.Max(array.Length * 2, used + needed));
        array.AsSpan(0, used).CopyTo(larger);
        ArrayPool<T>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<T>());
        return larger;
    }

    private readonly record struct Member(JsonProperty Property, int NameStart, int NameLength);

    /// <summary>One step of the path: an object member (by its index in the member stack) or an array item.</summary>
    private readonly record struct Step(int MemberIndex, int ItemIndex)
    {
        public static Step Member(int memberIndex) => new(memberIndex, -1);

        public static Step Item(int itemIndex) => new(-1, itemIndex);
    }
}
