namespace Verso.Storage.Integrity;

/// <summary>How much a verify checks beyond the history itself.</summary>
public sealed record IntegrityOptions
{
    /// <summary>The kinds whose reference readers find pins; null checks no pins.</summary>
    public Model.Kinds.KindRegistry? Kinds { get; init; }

    /// <summary>Ask the database for its quick check (SQLite <c>quick_check</c>) instead of the full one.</summary>
    public bool Quick { get; init; }

    /// <summary>A checkpoint the history must still extend: its versions, tags and removals unchanged, none gone.</summary>
    public Checkpoint? Since { get; init; }

    /// <summary>When set, an intact store's report carries a <see cref="IntegrityReport.Checkpoint"/> made at this time from the same snapshot.</summary>
    public DateTimeOffset? CheckpointAt { get; init; }
}
