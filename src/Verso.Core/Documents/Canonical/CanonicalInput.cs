using System.Text.Json;
using System.Text.Unicode;

namespace Verso.Documents.Canonical;

/// <summary>
/// Recognizes text that already is its own RFC 8785 form, in one pass of <see cref="Utf8JsonReader"/> and
/// without building a document: then canonicalizing it is a copy. Clients and stores send canonical JSON
/// back most of the time (a saved version read and saved again, a platform that writes canonical JSON),
/// and a changed save of such text skipped the parse and the writer's walk.
/// </summary>
/// <remarks>
/// The check is conservative: whatever it is unsure of (an escape or a non-ASCII byte in a property name,
/// a <c>\u</c> escape above U+001F, a number the formatter would spell otherwise, deep nesting) answers
/// false, and the caller takes the full path, which also reports every error exactly as before. It answers
/// true only when the full path's output would be these very bytes: no byte between tokens but the one comma
/// or colon the grammar needs, names in strictly increasing order (so no duplicates), strings escaped exactly
/// as <see cref="CanonicalStringWriter"/> writes them, valid UTF-8, numbers as <see cref="EcmaScriptNumberFormatter"/>
/// writes them.
/// </remarks>
internal static class CanonicalInput
{
    // Well inside CanonicalJson.MaxDepth, so this check never decides what the depth limit rejects.
    private const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Whether <paramref name="utf8Json"/> (without a byte order mark) is exactly its canonical form.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> utf8Json)
    {
        // Outside strings canonical text is ASCII, so one check covers every string's UTF-8 as well.
        if (utf8Json.IsEmpty || !Utf8.IsValid(utf8Json))
        {
            return false;
        }

        try
        {
            return IsCanonicalJson(utf8Json);
        }
        catch (JsonException)
        {
            // Not JSON at all: the full path says why.
            return false;
        }
    }

    private static bool IsCanonicalJson(ReadOnlySpan<byte> utf8Json)
    {
        // Per open object, where its last property name starts and how long it is (-1: none yet).
        // Indexed by the depth of an object's members (its own depth plus one).
        Span<(int Start, int Length)> lastName = stackalloc (int, int)[MaxDepth + 2];
        var reader = new Utf8JsonReader(utf8Json, Options);
        var end = 0;
        var previous = JsonTokenType.None;
        while (reader.Read())
        {
            var token = reader.TokenType;
            var start = (int)reader.TokenStartIndex;
            if (start - end != Gap(previous, token))
            {
                return false;
            }

            var length = 1;
            switch (token)
            {
                case JsonTokenType.StartObject:
                    lastName[reader.CurrentDepth + 1] = (-1, 0);
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.ValueSpan;
                    if (reader.ValueIsEscaped || !System.Text.Ascii.IsValid(name) || !Follows(utf8Json, ref lastName[reader.CurrentDepth], start + 1, name))
                    {
                        return false;
                    }

                    length = name.Length + 2;
                    break;
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped && !HasCanonicalEscapes(reader.ValueSpan))
                    {
                        return false;
                    }

                    length = reader.ValueSpan.Length + 2;
                    break;
                case JsonTokenType.Number:
                    if (!IsCanonicalNumber(reader.ValueSpan))
                    {
                        return false;
                    }

                    length = reader.ValueSpan.Length;
                    break;
                case JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null:
                    length = reader.ValueSpan.Length;
                    break;
            }

            end = start + length;
            previous = token;
        }

        return end == utf8Json.Length;
    }

    // The bytes canonical text has before a token: none at the start, after an opening bracket and before a
    // closing one; the colon after a name; a comma between items. The reader has checked the grammar, so a
    // gap of the right length holds that colon or comma, never whitespace.
    private static int Gap(JsonTokenType previous, JsonTokenType token) => previous switch
    {
        JsonTokenType.None or JsonTokenType.StartObject or JsonTokenType.StartArray => 0,
        JsonTokenType.PropertyName => 1,
        _ => token is JsonTokenType.EndObject or JsonTokenType.EndArray ? 0 : 1,
    };

    // ASCII names compare by their bytes exactly as by UTF-16 code units; strictly greater also rules out duplicates.
    private static bool Follows(ReadOnlySpan<byte> utf8Json, ref (int Start, int Length) last, int nameStart, ReadOnlySpan<byte> name)
    {
        if (last.Start >= 0 && name.SequenceCompareTo(utf8Json.Slice(last.Start, last.Length)) <= 0)
        {
            return false;
        }

        last = (nameStart, name.Length);
        return true;
    }

    // The escapes CanonicalStringWriter writes: the short forms of " \ and five controls, \u00xx (lowercase) for
    // the other controls. Any other escape (\/, \u0041, \u00E9, a surrogate) is spelled otherwise canonically.
    private static bool HasCanonicalEscapes(ReadOnlySpan<byte> raw)
    {
        var backslash = raw.IndexOf((byte)'\\');
        while (backslash >= 0)
        {
            var escape = raw[(backslash + 1)..];
            int consumed;
            switch (escape[0])
            {
                case (byte)'"' or (byte)'\\' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    consumed = 1;
                    break;
                case (byte)'u' when escape.Length >= 5 && escape[1] == (byte)'0' && escape[2] == (byte)'0' && IsLowerHex(escape[3]) && IsLowerHex(escape[4]):
                    var control = (HexValue(escape[3]) << 4) | HexValue(escape[4]);
                    if (control >= 0x20 || control is '\b' or '\f' or '\n' or '\r' or '\t')
                    {
                        return false;
                    }

                    consumed = 5;
                    break;
                default:
                    return false;
            }

            raw = escape[consumed..];
            backslash = raw.IndexOf((byte)'\\');
        }

        return true;
    }

    private static bool IsCanonicalNumber(ReadOnlySpan<byte> token)
    {
        if (token.Length > EcmaScriptNumberFormatter.MaxLength)
        {
            return false;
        }

        Span<byte> formatted = stackalloc byte[EcmaScriptNumberFormatter.MaxLength];
        return EcmaScriptNumberFormatter.TryFormat(token, formatted, out var written) && formatted[..written].SequenceEqual(token);
    }

    private static bool IsLowerHex(byte b) => b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f';

    private static int HexValue(byte b) => b <= (byte)'9' ? b - '0' : b - 'a' + 10;
}
