using System.Text.Json.Serialization;

namespace Verso.Contracts.Changes;

/// <summary>New versions after a sequence number, in store order, and where to ask from next.</summary>
public sealed record ChangePage
{
    /// <summary>The changes of this page.</summary>
    [JsonPropertyName("items")]
    public required IReadOnlyList<ChangeEntry> Items { get; init; }

    /// <summary>The sequence of the last change read (or the one asked after, when none): pass it as <c>after</c> next.</summary>
    [JsonPropertyName("last_seq")]
    public required long LastSeq { get; init; }
}
