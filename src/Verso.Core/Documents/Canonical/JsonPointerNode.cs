namespace Verso.Documents.Canonical;

/// <summary>
/// One level of a <see cref="JsonPointerSet"/>'s trie: the member names below an object, each either
/// excluded outright or leading to deeper pointers.
/// </summary>
internal sealed class JsonPointerNode
{
    private readonly Dictionary<string, JsonPointerNode> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonPointerNode>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public JsonPointerNode() => _lookup = _children.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a pointer ends here, so the member and everything under it is left out.</summary>
    public bool IsExcluded { get; private set; }

    /// <summary>The node for a member name, without allocating a string for the lookup.</summary>
    public JsonPointerNode? Find(ReadOnlySpan<char> name) => _lookup.TryGetValue(name, out var child) ? child : null;

    public void Add(IReadOnlyList<string> segments)
    {
        var node = this;
        foreach (var segment in segments)
        {
            if (!node._children.TryGetValue(segment, out var child))
            {
                child = new JsonPointerNode();
                node._children.Add(segment, child);
            }

            node = child;
        }

        node.IsExcluded = true;
    }
}
