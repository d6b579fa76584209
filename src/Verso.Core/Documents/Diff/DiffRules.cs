using System.Collections.Immutable;

namespace Verso.Documents.Diff;

/// <summary>
/// How a kind's arrays and strings are compared. Array paths are RFC 6901 pointers in which a <c>*</c>
/// segment matches any one segment, e.g. <c>/nodes</c>, <c>/skills/primary</c>, <c>/nodes/*/ports</c>.
/// </summary>
public sealed record DiffRules
{
    /// <summary>No keyed or set arrays: every array by longest common subsequence.</summary>
    public static DiffRules Default { get; } = new();

    /// <summary>Arrays whose items are objects identified by a key property: array path → key property name.</summary>
    public ImmutableDictionary<string, string> IdentityKeys { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Arrays compared as sets: order does not matter, only which values are present.</summary>
    public ImmutableHashSet<string> Sets { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>
    /// The most work (left length × right length) an unkeyed array diff may do before it gives up and
    /// reports the whole array as modified, so that a huge array cannot blow up time or memory.
    /// </summary>
    public long MaxArrayDiffCost { get; init; } = 4_000_000;

    /// <summary>Whether strings with a line break on either side are diffed line by line.</summary>
    public bool DiffMultilineText { get; init; } = true;

    /// <summary>The identity key of the array at <paramref name="arrayPath"/>, if the rules declare one.</summary>
    public string? IdentityKeyFor(string arrayPath) => Match(IdentityKeys.Keys, arrayPath) is { } pattern ? IdentityKeys[pattern] : null;

    /// <summary>Whether the array at <paramref name="arrayPath"/> is declared a set.</summary>
    public bool IsSet(string arrayPath) => Match(Sets, arrayPath) is not null;

    private static string? Match(IEnumerable<string> patterns, string path)
    {
        foreach (var pattern in patterns)
        {
            if (PathPattern.Matches(pattern, path))
            {
                return pattern;
            }
        }

        return null;
    }
}
