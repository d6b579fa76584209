namespace Verso.Canonical;

/// <summary>Placeholder replaced by the canonical JSON work.</summary>
public sealed class JsonPointerSet
{
    /// <summary>No pointers.</summary>
    public static JsonPointerSet Empty { get; } = new([]);

    /// <summary>Creates the set.</summary>
    public JsonPointerSet(IEnumerable<string> pointers) => Pointers = pointers.ToList();

    /// <summary>The pointers.</summary>
    public IReadOnlyList<string> Pointers { get; }
}
