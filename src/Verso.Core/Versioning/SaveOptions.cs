using Verso.Model.Snapshots;

namespace Verso.Versioning;

/// <summary>Who saves, why, and under which guard.</summary>
public sealed record SaveOptions
{
    /// <summary>Creates options for a save by <paramref name="savedBy"/>.</summary>
    /// <exception cref="ArgumentException">saved_by is blank.</exception>
    public SaveOptions(string savedBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(savedBy);
        SavedBy = savedBy;
    }

    /// <summary>Who saves.</summary>
    public string SavedBy { get; }

    /// <summary>An optional message kept with the version.</summary>
    public string? Message { get; init; }

    /// <summary>When set, the head must be this version (0: no version yet) or the save fails with a conflict.</summary>
    public int? ExpectedVersion { get; init; }

    /// <summary>Append even when the content equals the head's; the version's operation is then <see cref="VersionOperation.Force"/>.</summary>
    public bool Force { get; init; }

    /// <summary>
    /// The operation recorded; defaults to <see cref="VersionOperation.Save"/>, or <see cref="VersionOperation.Force"/> when forced.
    /// </summary>
    public VersionOperation? Operation { get; init; }

    /// <summary>When the version is saved; the service's clock when not set (imports set it from their source).</summary>
    public DateTimeOffset? SavedAt { get; init; }

    /// <summary>Where the content was imported from (a git commit and path), kept with the version.</summary>
    public VersionSource? Source { get; init; }
}
