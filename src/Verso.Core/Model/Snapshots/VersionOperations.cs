namespace Verso.Model.Snapshots;

/// <summary>The stored (lowercase) names of <see cref="VersionOperation"/> values.</summary>
public static class VersionOperations
{
    /// <summary>The lowercase name stored and shown for an operation.</summary>
    public static string ToName(this VersionOperation operation) => operation switch
    {
        VersionOperation.Save => "save",
        VersionOperation.Force => "force",
        VersionOperation.Rollback => "rollback",
        VersionOperation.Merge => "merge",
        VersionOperation.Import => "import",
        VersionOperation.Erase => "erase",
        VersionOperation.Apply => "apply",
        _ => throw new ArgumentOutOfRangeException(nameof(operation), operation, "unknown operation"),
    };

    /// <summary>Parses a stored operation name.</summary>
    /// <exception cref="FormatException">The name is not an operation.</exception>
    public static VersionOperation Parse(string name) => name switch
    {
        "save" => VersionOperation.Save,
        "force" => VersionOperation.Force,
        "rollback" => VersionOperation.Rollback,
        "merge" => VersionOperation.Merge,
        "import" => VersionOperation.Import,
        "erase" => VersionOperation.Erase,
        "apply" => VersionOperation.Apply,
        _ => throw new FormatException($"'{name}' is not a version operation"),
    };
}
