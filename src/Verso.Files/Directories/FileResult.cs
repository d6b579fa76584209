using Verso.Documents.Hashing;
using Verso.Naming;

namespace Verso.Files.Directories;

/// <summary>One file's line in a report.</summary>
/// <param name="Path">The file's path inside the directory, with forward slashes.</param>
/// <param name="Status">What happened, or how it compares.</param>
/// <param name="Key">The entity, when the path names one.</param>
/// <param name="Version">The entity's version: the one written, saved or compared with.</param>
/// <param name="Hash">The content hash of the file's record (of the store's head for <see cref="FileStatus.Missing"/>).</param>
/// <param name="Detail">Why a file is invalid; for a changed file, the store head's hash.</param>
public sealed record FileResult(string Path, FileStatus Status, EntityKey? Key = null, int? Version = null, ContentHash? Hash = null, string? Detail = null);
