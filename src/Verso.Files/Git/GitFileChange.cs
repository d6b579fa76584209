namespace Verso.Files.Git;

/// <summary>What one commit did to one file: its new content (a blob) or its deletion.</summary>
/// <param name="Path">The file's path in the repository, with forward slashes.</param>
/// <param name="BlobId">The blob holding the file's content after the commit; null when the commit deleted it.</param>
public sealed record GitFileChange(string Path, string? BlobId)
{
    /// <summary>Whether the commit deleted the file (or turned it into something that is not a file).</summary>
    public bool Deleted => BlobId is null;
}
