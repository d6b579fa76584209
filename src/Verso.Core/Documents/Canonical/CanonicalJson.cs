using System.Buffers;
using System.Text.Json;
using Verso.Errors;

namespace Verso.Documents.Canonical;

/// <summary>
/// RFC 8785 (JSON Canonicalization Scheme) for any JSON value: members sorted by the UTF-16 code units
/// of their names, no whitespace, strings escaped as the RFC prescribes and numbers written as
/// ECMAScript's <c>Number.prototype.toString</c> does.
/// </summary>
/// <remarks>
/// Input is rejected with a <see cref="CanonicalJsonException"/> when it is not I-JSON: malformed JSON
/// (including comments and content after the value), invalid UTF-8, strings or names with a lone
/// surrogate, duplicate property names (compared after unescaping), numbers beyond the double range
/// (such as <c>1e400</c>), or nesting deeper than <see cref="MaxDepth"/>. Numbers too small for a double
/// (such as <c>1e-400</c>) become <c>0</c>, as ECMAScript's <c>JSON.parse</c> makes them. A UTF-8 byte
/// order mark before the text is skipped.
/// </remarks>
public static class CanonicalJson
{
    /// <summary>
    /// The deepest nesting of arrays and objects accepted: 128 (a value inside 128 nested arrays or
    /// objects is accepted, one more level is rejected).
    /// </summary>
    public const int MaxDepth = 128;

    // Duplicates are found by the writer (adjacent after sorting), which also names the member;
    // letting the parser look for them too would only repeat the work.
    private static readonly JsonDocumentOptions ParseOptions = new()
    {
        MaxDepth = MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    /// <summary>Canonicalizes UTF-8 JSON text.</summary>
    /// <param name="utf8Json">One JSON value as UTF-8, optionally after a byte order mark.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="CanonicalJsonException">The text has no canonical form.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json) => Canonicalize(utf8Json, JsonPointerSet.Empty);

    /// <summary>Canonicalizes UTF-8 JSON text, leaving out the object members at the given RFC 6901 pointers.</summary>
    /// <remarks>
    /// Excluded members are still checked: input that has no canonical form is rejected even when the
    /// offending value or duplicate name is in a member that would be left out.
    /// </remarks>
    /// <param name="utf8Json">One JSON value as UTF-8, optionally after a byte order mark.</param>
    /// <param name="excluded">The members to leave out; see <see cref="JsonPointerSet"/> for how pointers match.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="CanonicalJsonException">The text has no canonical form.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="excluded"/> is null.</exception>
    public static byte[] Canonicalize(ReadOnlySpan<byte> utf8Json, JsonPointerSet excluded)
    {
        ArgumentNullException.ThrowIfNull(excluded);
        var text = utf8Json.StartsWith("\uFEFF"u8) ? utf8Json[3..] : utf8Json;
        if (excluded.Root is null && CanonicalInput.IsCanonical(text))
        {
            // Already canonical (see CanonicalInput): the full path would write these very bytes.
            return text.ToArray();
        }

        return WithParsed(utf8Json, excluded.Root, static (root, excluded) => CanonicalWriter.Write(root, excluded));
    }

    /// <summary>Parses UTF-8 JSON text as <see cref="Canonicalize(ReadOnlySpan{byte})"/> does and lets <paramref name="use"/> read it.</summary>
    /// <remarks>The element lives only during the call: it reads a pooled copy of the text.</remarks>
    /// <exception cref="CanonicalJsonException">The text is not JSON.</exception>
    internal static T WithParsed<TState, T>(ReadOnlySpan<byte> utf8Json, TState state, Func<JsonElement, TState, T> use)
    {
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        // JsonDocument parses from memory, not from a span; a pooled copy keeps that allocation-free.
        var copy = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(copy);
            using var document = Parse(copy.AsMemory(0, utf8Json.Length));
            return use(document.RootElement, state);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
    }

    /// <summary>Canonicalizes an already parsed JSON value.</summary>
    /// <remarks>
    /// The checks of <see cref="Canonicalize(ReadOnlySpan{byte})"/> that concern values apply whatever
    /// options the element was parsed with: duplicate names (a permissive parse keeps them, this rejects
    /// them), lone surrogates, invalid UTF-8, numbers beyond the double range and <see cref="MaxDepth"/>.
    /// Syntax the parser was told to allow (comments, trailing commas) leaves no trace in the element.
    /// </remarks>
    /// <param name="element">The value to canonicalize.</param>
    /// <returns>The canonical UTF-8 bytes.</returns>
    /// <exception cref="CanonicalJsonException">The value has no canonical form.</exception>
    /// <exception cref="ArgumentException">The element is <c>default</c> and holds no value.</exception>
    public static byte[] Canonicalize(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Undefined)
        {
            throw new ArgumentException("The JSON element holds no value", nameof(element));
        }

        return CanonicalWriter.Write(element, null);
    }

    /// <summary>Canonicalizes and hashes in one step.</summary>
    /// <param name="utf8Json">One JSON value as UTF-8, optionally after a byte order mark.</param>
    /// <param name="excluded">The members to leave out, or null to keep all.</param>
    /// <returns>The canonical bytes with their SHA-256.</returns>
    /// <exception cref="CanonicalJsonException">The text has no canonical form.</exception>
    public static CanonicalDocument CreateDocument(ReadOnlySpan<byte> utf8Json, JsonPointerSet? excluded = null) =>
        CanonicalDocument.FromCanonicalBytes(excluded is null ? Canonicalize(utf8Json) : Canonicalize(utf8Json, excluded));

    private static JsonDocument Parse(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json, ParseOptions);
        }
        catch (JsonException e)
        {
            throw CanonicalJsonException.Malformed(JsonErrorText.Describe(e), e.LineNumber + 1, e.BytePositionInLine + 1, e);
        }
    }
}
