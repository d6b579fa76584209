namespace Verso.Model.Snapshots;

/// <summary>The names stores keep for <see cref="ContentRemovalKind"/>: <c>pruned</c> and <c>erased</c>.</summary>
public static class ContentRemovals
{
    /// <summary>The stored name of <paramref name="kind"/>.</summary>
    public static string ToName(this ContentRemovalKind kind) => kind == ContentRemovalKind.Pruned ? "pruned" : "erased";

    /// <summary>Parses a stored name.</summary>
    /// <exception cref="FormatException">The name is neither <c>pruned</c> nor <c>erased</c>.</exception>
    public static ContentRemovalKind Parse(string name) => name switch
    {
        "pruned" => ContentRemovalKind.Pruned,
        "erased" => ContentRemovalKind.Erased,
        _ => throw new FormatException($"unknown content removal '{name}'"),
    };
}
