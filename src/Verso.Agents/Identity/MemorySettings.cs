namespace Verso.Agents.Identity;

/// <summary>What an agent remembers. Required: <see cref="Type"/>.</summary>
public sealed record MemorySettings
{
    /// <summary>Required. The kind of memory.</summary>
    public required MemoryType Type { get; init; }

    /// <summary>Optional. How many days memories are kept; 0 or more.</summary>
    public int? RetentionDays { get; init; }
}
