namespace Verso.Storage;

/// <summary>A tag and the version it points at now.</summary>
/// <param name="Name">The tag.</param>
/// <param name="Version">The version.</param>
public sealed record EntityTag(string Name, int Version);
