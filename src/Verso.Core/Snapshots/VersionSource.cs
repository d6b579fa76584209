namespace Verso.Snapshots;

/// <summary>
/// Where an imported version came from: the git commit and the path of the file in it. A version whose
/// <see cref="Deleted"/> is true records that the file was deleted in that commit; its content is the
/// empty record.
/// </summary>
/// <param name="Commit">The full commit id.</param>
/// <param name="Path">The file's path in the repository, with forward slashes.</param>
/// <param name="Deleted">The commit deleted the file.</param>
public sealed record VersionSource(string Commit, string Path, bool Deleted = false);
