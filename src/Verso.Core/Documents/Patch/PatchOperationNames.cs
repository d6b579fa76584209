namespace Verso.Documents.Patch;

/// <summary>The RFC 6902 spelling of each operation, and short descriptions of operations for error messages.</summary>
internal static class PatchOperationNames
{
    public static string ToName(PatchOperationType op) => op switch
    {
        PatchOperationType.Add => "add",
        PatchOperationType.Remove => "remove",
        PatchOperationType.Replace => "replace",
        PatchOperationType.Move => "move",
        PatchOperationType.Copy => "copy",
        PatchOperationType.Test => "test",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "not an RFC 6902 operation"),
    };

    // Ordinal and case-sensitive: RFC 6902 names the operations in lower case and nothing else is an op.
    public static bool TryParse(string name, out PatchOperationType op)
    {
        switch (name)
        {
            case "add": op = PatchOperationType.Add; return true;
            case "remove": op = PatchOperationType.Remove; return true;
            case "replace": op = PatchOperationType.Replace; return true;
            case "move": op = PatchOperationType.Move; return true;
            case "copy": op = PatchOperationType.Copy; return true;
            case "test": op = PatchOperationType.Test; return true;
            default: op = default; return false;
        }
    }

    public static bool NeedsFrom(PatchOperationType op) => op is PatchOperationType.Move or PatchOperationType.Copy;

    public static bool NeedsValue(PatchOperationType op) =>
        op is PatchOperationType.Add or PatchOperationType.Replace or PatchOperationType.Test;

    /// <summary><c>remove /nodes/7</c>, <c>move /b from /a</c>; the root pointer is shown as <c>""</c> so it stays visible.</summary>
    public static string Describe(PatchOperationType op, string? path, string? from = null)
    {
        var text = path is null ? ToName(op) : $"{ToName(op)} {Show(path)}";
        return NeedsFrom(op) && from is not null ? $"{text} from {Show(from)}" : text;
    }

    public static string Describe(PatchOperation operation) => Describe(operation.Op, operation.Path, operation.From);

    private static string Show(string pointer) => pointer.Length == 0 ? "\"\"" : pointer;
}
