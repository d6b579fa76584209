namespace Verso.Client.Models;

/// <summary>The versions after a sequence, and the sequence to ask after next.</summary>
public sealed record ChangePage
{
    /// <summary>The new versions, oldest first.</summary>
    public required IReadOnlyList<ChangeEntry> Items { get; init; }

    /// <summary>Pass this as <c>after</c> next time.</summary>
    public required long LastSeq { get; init; }
}
