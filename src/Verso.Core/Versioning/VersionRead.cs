using Verso.Model.Snapshots;

namespace Verso.Versioning;

/// <summary>One version as a listing reads it: the record, or why it could not be read.</summary>
/// <typeparam name="T">The record type.</typeparam>
/// <param name="Stored">The version as stored.</param>
/// <param name="Record">The record, when it could be read.</param>
/// <param name="Problem">Why it could not be read, naming nothing but the reason (the ref is <see cref="Stored"/>'s).</param>
public sealed record VersionRead<T>(Snapshot Stored, T? Record, string? Problem)
{
    /// <summary>Whether the record could be read.</summary>
    public bool IsReadable => Problem is null;
}
