using System.Text.RegularExpressions;
using Verso.Errors;

namespace Verso.Naming;

/// <summary>
/// Names one versioned entity: its kind (e.g. <c>agent</c>) and its id (e.g. <c>alice</c>), written <c>kind/id</c>.
/// </summary>
public sealed partial record EntityKey
{
    private EntityKey(string kind, string id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>The kind name: <c>[a-z][a-z0-9-]{0,63}</c>.</summary>
    public string Kind { get; }

    /// <summary>The entity id: <c>[A-Za-z0-9][A-Za-z0-9._-]{0,127}</c>, safe as a file name.</summary>
    public string Id { get; }

    /// <summary>Creates a key after checking both names.</summary>
    /// <exception cref="InvalidNameException">The kind or the id breaks its naming rule.</exception>
    public static EntityKey Create(string kind, string id)
    {
        ValidateKind(kind);
        if (!IdPattern().IsMatch(id))
        {
            throw new InvalidNameException("entity id", id, "use 1-128 of A-Z a-z 0-9 . _ -, starting with a letter or digit");
        }

        return new EntityKey(kind, id);
    }

    /// <summary>Parses <c>kind/id</c>.</summary>
    /// <exception cref="InvalidNameException">The text is not <c>kind/id</c> with valid names.</exception>
    public static EntityKey Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            throw new InvalidNameException("entity", text, "expected KIND/ID, e.g. agent/alice");
        }

        return Create(text[..slash], text[(slash + 1)..]);
    }

    /// <summary>Checks a kind name.</summary>
    /// <exception cref="InvalidNameException">The name breaks the rule.</exception>
    public static void ValidateKind(string kind)
    {
        if (!KindPattern().IsMatch(kind))
        {
            throw new InvalidNameException("kind", kind, "use 1-64 of a-z 0-9 -, starting with a letter");
        }
    }

    /// <summary>Whether <paramref name="kind"/> is a valid kind name.</summary>
    public static bool IsValidKind(string kind) => KindPattern().IsMatch(kind);

    /// <summary>Whether <paramref name="id"/> is a valid entity id (safe as a file name, never a path).</summary>
    public static bool IsValidId(string id) => IdPattern().IsMatch(id);

    /// <summary>The key as <c>kind/id</c>.</summary>
    public override string ToString() => $"{Kind}/{Id}";

    // \z rather than $: $ would also accept a trailing newline, which is not safe in a file name.
    [GeneratedRegex(@"^[a-z][a-z0-9-]{0,63}\z", RegexOptions.CultureInvariant)]
    private static partial Regex KindPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}\z", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
