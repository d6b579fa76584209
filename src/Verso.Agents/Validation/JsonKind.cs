namespace Verso.Agents.Validation;

/// <summary>The JSON type a field must have.</summary>
public enum JsonKind
{
    /// <summary>A JSON string.</summary>
    String,

    /// <summary>A finite JSON number.</summary>
    Number,

    /// <summary>A JSON number without a fractional part that fits a 32-bit signed integer.</summary>
    Integer,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A JSON object.</summary>
    Object,

    /// <summary>A JSON array.</summary>
    Array,
}
