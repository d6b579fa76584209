namespace Verso.Client;

/// <summary>
/// An answer about one version (a <see cref="Contracts.Versions.VersionWithContent"/> or an
/// <see cref="Contracts.Versions.AppendOutcomeInfo"/>) with the strong ETag it came with, for a later
/// <c>If-None-Match</c> or <c>If-Match</c>.
/// </summary>
/// <typeparam name="T">The answer's contract.</typeparam>
/// <param name="Value">The answer, as the server wrote it.</param>
/// <param name="ETag">The ETag header, quoted; null when the server sent none.</param>
public sealed record Versioned<T>(T Value, string? ETag);
