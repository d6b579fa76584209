namespace Verso.Storage.Retention;

/// <summary>A version that still has its content, as a retention policy sees it.</summary>
/// <param name="Version">The version number.</param>
/// <param name="SavedAt">When it was saved.</param>
public readonly record struct RetainedVersion(int Version, DateTimeOffset SavedAt);
