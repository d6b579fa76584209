using System.Text;

namespace Verso.Documents.Canonical;

/// <summary>
/// A set of RFC 6901 JSON pointers naming object members to leave out of the canonical form, such as
/// volatile fields (<c>/status</c>, <c>/updated_at</c>, <c>/personality/mood</c>).
/// </summary>
/// <remarks>
/// A pointer addresses object members by name only: a segment that meets an array matches nothing, so
/// <c>/nodes/0</c> never removes an array element (it would remove a member named <c>0</c> of an object
/// at <c>/nodes</c>). A pointer to a member that is absent is harmless. The set is immutable and may be
/// shared between threads.
/// </remarks>
public sealed class JsonPointerSet
{
    private JsonPointerSet(IReadOnlyList<string> pointers, JsonPointerNode? root)
    {
        Pointers = pointers;
        Root = root;
    }

    /// <summary>Creates the set from RFC 6901 pointer strings.</summary>
    /// <param name="pointers">Pointers such as <c>/status</c> or <c>/a~1b/c~0d</c>; duplicates are ignored.</param>
    /// <exception cref="ArgumentNullException"><paramref name="pointers"/> is null.</exception>
    /// <exception cref="ArgumentException">A pointer is null, does not start with <c>/</c>, or has a <c>~</c> not followed by 0 or 1.</exception>
    public JsonPointerSet(IEnumerable<string> pointers)
    {
        ArgumentNullException.ThrowIfNull(pointers);
        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var root = new JsonPointerNode();
        foreach (var pointer in pointers)
        {
            var segments = ParseSegments(pointer);
            if (seen.Add(pointer))
            {
                distinct.Add(pointer);
                root.Add(segments);
            }
        }

        Pointers = distinct.AsReadOnly();
        Root = distinct.Count == 0 ? null : root;
    }

    /// <summary>The set that excludes nothing.</summary>
    public static JsonPointerSet Empty { get; } = new(Array.Empty<string>(), null);

    /// <summary>The pointers, as given (without duplicates).</summary>
    public IReadOnlyList<string> Pointers { get; }

    /// <summary>The trie walked while writing; null when nothing is excluded.</summary>
    internal JsonPointerNode? Root { get; }

    /// <summary>Creates the set from RFC 6901 pointer strings.</summary>
    /// <exception cref="ArgumentException">A pointer is not a valid RFC 6901 pointer to a member.</exception>
    public static JsonPointerSet Of(params string[] pointers) => new(pointers);

    /// <summary>The pointers, separated by commas.</summary>
    public override string ToString() => string.Join(",", Pointers);

    /// <summary>Splits a pointer into unescaped member names.</summary>
    private static List<string> ParseSegments(string? pointer)
    {
        if (pointer is null)
        {
            throw new ArgumentException("A JSON pointer is null", nameof(pointer));
        }

        // "" points at the whole document, which cannot be left out of itself.
        if (pointer.Length == 0 || pointer[0] != '/')
        {
            throw new ArgumentException($"JSON pointer '{pointer}' must start with '/'", nameof(pointer));
        }

        var segments = new List<string>();
        var segment = new StringBuilder();
        for (var i = 1; i <= pointer.Length; i++)
        {
            if (i == pointer.Length || pointer[i] == '/')
            {
                segments.Add(segment.ToString());
                segment.Clear();
            }
            else if (pointer[i] != '~')
            {
                segment.Append(pointer[i]);
            }
            else if (i + 1 < pointer.Length && pointer[i + 1] is '0' or '1')
            {
                // One pass left to right decodes "~01" as "~1", as RFC 6901 section 4 requires.
                segment.Append(pointer[++i] == '0' ? '~' : '/');
            }
            else
            {
                throw new ArgumentException($"JSON pointer '{pointer}' has a '~' not followed by 0 or 1", nameof(pointer));
            }
        }

        return segments;
    }
}
