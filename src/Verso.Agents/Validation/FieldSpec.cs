namespace Verso.Agents.Validation;

/// <summary>One declared member of an object: its name, whether it must be present, and its value rule.</summary>
/// <param name="Name">The JSON member name, in snake_case.</param>
/// <param name="Value">What the member's value must be.</param>
/// <param name="IsRequired">Whether a record without the member is refused.</param>
public sealed record FieldSpec(string Name, ValueSpec Value, bool IsRequired)
{
    /// <summary>A member the object must have.</summary>
    public static FieldSpec Required(string name, ValueSpec value) => new(name, value, true);

    /// <summary>A member the object may leave out.</summary>
    public static FieldSpec Optional(string name, ValueSpec value) => new(name, value, false);
}
